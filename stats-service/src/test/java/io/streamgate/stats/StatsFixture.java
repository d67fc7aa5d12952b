package io.streamgate.stats;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

import com.fasterxml.jackson.databind.JsonNode;

import io.restassured.response.Response;
import io.streamgate.devstack.Deadline;
import io.streamgate.devstack.DevCredentials;
import io.streamgate.platform.aviation.AircraftPosition;
import io.streamgate.platform.event.EventEnvelope;
import io.streamgate.platform.event.KafkaBinaryBinding;
import io.streamgate.platform.identity.Role;
import io.streamgate.platform.json.Json;
import io.streamgate.platform.topic.Topic;

/**
 * Writes records the way the producing services do (CloudEvents binary headers with {@code ce_tenant}) to the
 * real broker, and waits for figures over the real REST API.
 */
public final class StatsFixture implements AutoCloseable {

    public static final Duration WAIT = Duration.ofSeconds(30);

    private final KafkaProducer<String, byte[]> producer;
    private final String bootstrapServers;

    public StatsFixture() {
        bootstrapServers = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public static String tenant(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Writes one record and waits for the broker's acknowledgement. */
    public void send(Topic topic, String key, String tenant, String type, Instant time, Object payload) {
        RecordHeaders headers = new RecordHeaders();
        KafkaBinaryBinding.write(EventEnvelope.of("/test", type, time, key, tenant), headers);
        sendRaw(new ProducerRecord<>(topic.name(), null, key, payload == null ? null : Json.encode(payload), headers));
    }

    public void sendRaw(ProducerRecord<String, byte[]> record) {
        try {
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the broker did not take the record", e);
        }
    }

    public static AircraftPosition position(String hex, String flight, double lat, double lon, boolean military,
            String category, String type, Instant at) {
        return new AircraftPosition(hex, flight, lat, lon, 30000, false, null, 400.0, 90.0, 0, null, "1000", "none",
                category, military, null, type, -20.0, 0.5, false, at);
    }

    public static String token(String tenant) {
        return DevCredentials.tokenFor(tenant, Role.USER);
    }

    public static Response get(String tenant, String statType) {
        return given().auth().oauth2(token(tenant)).get("/v1/stats/" + statType);
    }

    /** Waits until the tenant's published {@code statType} satisfies {@code condition}; returns its {@code data}. */
    public static JsonNode awaitFigures(String tenant, String statType, Predicate<JsonNode> condition) {
        AtomicReference<JsonNode> last = new AtomicReference<>();
        try {
            Deadline.await(statType + " of " + tenant, WAIT, () -> {
                Response response = get(tenant, statType);
                if (response.statusCode() != 200) {
                    return false;
                }
                JsonNode body = read(response.asString());
                last.set(body);
                return condition.test(body.get("data"));
            });
        } catch (IllegalStateException e) {
            throw new AssertionError(e.getMessage() + "; last seen: " + last.get(), e);
        }
        return last.get().get("data");
    }

    public static JsonNode read(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
