package io.streamgate.safety.workflows;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.restassured.path.json.JsonPath;
import io.streamgate.devstack.Deadline;
import io.streamgate.devstack.testing.TopicProbe;
import io.streamgate.platform.devices.GeoPoint;
import io.streamgate.platform.devices.GeofenceEvent;
import io.streamgate.platform.event.EventTypes;
import io.streamgate.platform.topic.Topics;
import io.streamgate.safety.sensors.Callers;
import io.streamgate.safety.sensors.Records;

/** What the workflow tests do through the real API and topics. */
final class WorkflowsApi {

    static final Duration WAIT = Duration.ofSeconds(30);

    record Created(String id, String secret) {
    }

    private WorkflowsApi() {
    }

    static Created create(String tenant, String body) {
        JsonPath answer = Callers.as(tenant).body(body).post("/v1/workflows").then().statusCode(201).extract()
                .jsonPath();
        return new Created(answer.getString("id"), answer.getString("secret"));
    }

    /** A geofence event as safety's tracker writes it, with the given id. */
    static GeofenceEvent event(String id, String device, String fence, String type) {
        return new GeofenceEvent(id, device, fence, "Fence " + fence, type, new GeoPoint(47.45, 8.55),
                Instant.parse("2026-03-01T10:00:00Z"));
    }

    static GeofenceEvent event(String device, String fence, String type) {
        return event(UUID.randomUUID().toString(), device, fence, type);
    }

    static void send(Records records, String tenant, GeofenceEvent event) {
        records.send(Topics.GEOFENCE_EVENTS.name(), EventTypes.GEOFENCE_EVENT, tenant, event.deviceId(),
                event.timestamp(), event);
    }

    /** Polls {@code probe} until the tenant's records decoded as {@code type} satisfy {@code done}. */
    static <T> List<T> await(TopicProbe probe, String tenant, Class<T> type, String what, Predicate<List<T>> done) {
        Deadline.await(what, WAIT, () -> done.test(Records.of(probe.drain(Duration.ofMillis(100)), tenant, type)));
        return Records.of(probe.drain(Duration.ofMillis(1)), tenant, type);
    }

    static List<ConsumerRecord<String, byte[]>> raw(TopicProbe probe, String tenant) {
        return probe.drain(Duration.ofMillis(1)).stream().filter(r -> tenant.equals(Records.tenant(r))).toList();
    }

    static String webhookWorkflow(String name, String url, Map<String, Object> trigger) {
        StringBuilder t = new StringBuilder("{");
        trigger.forEach((k, v) -> t.append(t.length() > 1 ? "," : "").append('"').append(k).append("\":")
                .append(v instanceof String s ? "\"" + s + "\"" : v.toString()));
        t.append('}');
        return """
                {"name": "%s", "trigger": %s, "steps": [
                  {"type": "webhook", "url": "%s", "headers": {"X-Custom": "c-1"},
                   "body": "{\\"device\\": \\"{{device_id}}\\", \\"fence\\": \\"{{geofence_id}}\\", \\"execution\\": \\"{{execution_id}}\\"}"}
                ]}""".formatted(name, t, url);
    }
}
