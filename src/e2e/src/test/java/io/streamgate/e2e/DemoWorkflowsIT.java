package io.streamgate.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.streamgate.devstack.Deadline;
import io.streamgate.devstack.DemoWebhookReceiver;
import io.streamgate.devstack.DemoWorkflows;
import io.streamgate.devstack.Service;
import io.streamgate.devstack.Stack;
import io.streamgate.devstack.testing.TopicProbe;
import io.streamgate.devstack.testing.WebSocketProbe;
import io.streamgate.devstack.traffic.DeviceSimulator;
import io.streamgate.devstack.traffic.TrafficConfig;
import io.streamgate.devstack.traffic.TrafficSource;
import io.streamgate.platform.event.KafkaBinaryBinding;
import io.streamgate.platform.identity.Identity;
import io.streamgate.platform.identity.Role;
import io.streamgate.platform.json.Json;
import io.streamgate.platform.topic.Topics;
import io.streamgate.platform.workflows.WebhookStatus;
import io.streamgate.platform.workflows.WorkflowEvent;

/**
 * What {@code ./mvnw -Pstack} does for the workflow channels, on the packaged ingest and safety services: the
 * launcher's demo workflows, its webhook receiver and the demo devices. The bike starts inside the main
 * station's fence, so its entry runs "Main station traffic" at once: a signed webhook reaches the receiver, both
 * workflow topics carry the tenant's records, and the gateway's SpatialFlow channels (dashboard, workflow,
 * execution, webhook status) show it to clients connected as the guide connects.
 */
class DemoWorkflowsIT {

    private static final Duration WAIT = Duration.ofSeconds(90);

    @Test
    void theDemoWorkflowsRunOnTheDemoDevicesAndEverySpatialFlowChannelMoves() {
        try (Stack stack = Stack.start(false, EnumSet.of(Service.INGEST, Service.SAFETY, Service.GATEWAY))) {
            String tenant = Identity.DEFAULT_TENANT;
            String token = stack.infrastructure().credentials().token(tenant, "demo-it", Set.of(Role.TENANT_ADMIN),
                    Duration.ofMinutes(30));
            String admin = stack.infrastructure().credentials().superuserToken(tenant, "demo-admin",
                    Set.of(Role.TENANT_ADMIN), Duration.ofMinutes(30));
            String bootstrap = stack.infrastructure().kafka().bootstrapServers();
            String gateway = stack.url(Service.GATEWAY).toString().replaceFirst("^http", "ws").replaceFirst("/$", "");
            List<String> lines = new CopyOnWriteArrayList<>();
            try (DemoWebhookReceiver receiver = new DemoWebhookReceiver(0, line -> {
                        System.out.println(line);
                        lines.add(line);
                    });
                    TopicProbe events = new TopicProbe(bootstrap, Topics.WORKFLOWS_EVENTS.name());
                    TopicProbe statuses = new TopicProbe(bootstrap, Topics.WEBHOOKS_STATUS.name());
                    WebSocketProbe webhooks = channel(gateway + "/ws/webhooks/status/", admin);
                    WebSocketProbe dashboard = channel(gateway + "/ws/dashboard/events/", token)) {
                List<String> created = DemoWorkflows.create(stack.url(Service.SAFETY), token, receiver);
                assertEquals(2, created.size());
                String station = created.stream().filter(c -> c.startsWith("Main station traffic")).findFirst()
                        .map(c -> c.substring(c.lastIndexOf('(') + 1, c.length() - 1)).orElseThrow();
                assertTrue(dashboard.next(WAIT).contains("\"dashboard_update\""), "the dashboard starts with its figures");
                try (WebSocketProbe workflow = channel(gateway + "/ws/workflows/" + station + "/", token)) {
                    JsonNode status = json(workflow.next(WAIT));
                    assertEquals("workflow_status", status.get("type").asText());
                    assertEquals("Main station traffic", status.at("/workflow/name").asText());
                    TrafficConfig config = TrafficConfig.of(Map.of("streamgate.traffic.devices.interval", "500ms"));
                    try (TrafficSource devices = TrafficSource.start(stack.url(Service.INGEST), token, config,
                            List.of(new DeviceSimulator(config.devices(), config.seed())), Clock.systemUTC(),
                            System.out::println)) {
                        Deadline.await("a signed webhook of the station workflow", WAIT, () -> lines.stream()
                                .anyMatch(l -> l.contains("/hooks/station") && l.contains("signature ok -> 200")));
                        JsonNode started = json(workflow.nextMatching(f -> f.contains("execution.started"), WAIT));
                        String executionId = started.at("/execution/execution_id").asText();
                        try (WebSocketProbe execution = channel(gateway + "/ws/workflows/" + station + "/executions/"
                                + executionId + "/", token)) {
                            JsonNode snapshot = json(execution.next(WAIT));
                            assertEquals("execution_snapshot", snapshot.get("type").asText());
                            assertEquals(executionId, snapshot.at("/execution/execution_id").asText());
                        }
                        JsonNode delivered = json(webhooks.nextMatching(f -> f.contains("\"delivered\""), WAIT));
                        assertEquals(station, delivered.at("/delivery/workflow_id").asText());
                        assertTrue(json(dashboard.nextMatching(f -> f.contains("new_event"), WAIT)).at("/event")
                                .has("geofence_id"));
                    }
                }
                assertTrue(lines.stream().noneMatch(l -> l.contains("MISMATCH")), String.join("\n", lines));
                Deadline.await("the delivered status", WAIT, () -> of(statuses.drain(Duration.ofMillis(200)), tenant,
                        WebhookStatus.class).stream().anyMatch(s -> s.status().equals(WebhookStatus.DELIVERED)));
                List<String> types = of(events.drain(Duration.ofMillis(200)), tenant, WorkflowEvent.class).stream()
                        .map(WorkflowEvent::type).toList();
                assertEquals(2, types.stream().filter(WorkflowEvent.WORKFLOW_CREATED::equals).count(), "" + types);
                assertTrue(types.contains(WorkflowEvent.EXECUTION_STARTED), "" + types);
                assertTrue(types.contains(WorkflowEvent.STEP_SUCCEEDED), "" + types);
            }
        }
    }

    /** A SpatialFlow channel as its guide connects: the JWT as the {@code access_token} subprotocol. */
    private static WebSocketProbe channel(String url, String token) {
        return WebSocketProbe.connect(URI.create(url), List.of("access_token", token));
    }

    private static JsonNode json(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    private static <T> List<T> of(List<ConsumerRecord<String, byte[]>> records, String tenant, Class<T> type) {
        return records.stream()
                .filter(r -> tenant.equals(KafkaBinaryBinding.get(r.headers(), KafkaBinaryBinding.TENANT)))
                .map(r -> Json.decode(r.value(), type)).toList();
    }
}
