package io.streamgate.gateway.dialect.haltless;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.streamgate.devstack.DevCredentials;
import io.streamgate.devstack.DevstackTestResource;
import io.streamgate.devstack.testing.EventWriter;
import io.streamgate.devstack.testing.ClientProgram;
import io.streamgate.platform.event.EventTypes;
import io.streamgate.platform.identity.Identity;
import io.streamgate.platform.identity.IssuedTokens;
import io.streamgate.platform.identity.Role;
import io.streamgate.platform.identity.TokenIssuer;
import io.streamgate.platform.json.Json;
import io.streamgate.platform.sensors.MachineStatus;
import io.streamgate.platform.sensors.SensorAlert;
import io.streamgate.platform.sensors.SensorReading;
import io.streamgate.platform.topic.Topics;

/**
 * The two clients of Haltless's guide, written from it (gateway-service/src/test/node/haltless-client.mjs: the
 * {@code HaltlessWebSocket} class; src/test/python/haltless_client.py: the reconnecting {@code websockets}
 * loop), run against the gateway unchanged but for the host: what they print is what a Haltless customer sees.
 */
@QuarkusTest
@WithTestResource(value = DevstackTestResource.class, scope = TestResourceScope.GLOBAL)
class HaltlessSeedClientsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TestHTTPResource("/")
    URI root;

    @Inject
    TokenIssuer issuer;

    @Test
    void theGuidesTypeScriptClassRefreshesOnItsExpiredTokenAndSeesEveryMessageType() throws Exception {
        String tenant = tenant();
        IssuedTokens tokens = issuer.issue(new Identity(tenant, "operator", Set.of(Role.USER), false))
                .toCompletableFuture().join();
        JwtClaims expired = DevCredentials.claims(tenant, "operator", Set.of(Role.USER), Duration.ofMinutes(5));
        expired.setExpirationTime(NumericDate.fromSeconds(Instant.now().minusSeconds(120).getEpochSecond()));
        String base = root.toString().replaceFirst("/$", "");
        try (ClientProgram client = ClientProgram.start(Path.of("src/test/node"), "node", "haltless-client.mjs", base,
                DevCredentials.signWithDevKey(expired), tokens.refreshToken());
                EventWriter writer = writer()) {
            assertEquals(4001, client.await(line -> line.has("closed"), WAIT).get("closed").asInt(),
                    "an expired token is 4001, the code the class refreshes on");
            assertTrue(client.await(line -> line.has("refreshed"), WAIT).get("refreshed").asBoolean());
            client.await(line -> line.path("connected").asInt() == 2, WAIT);
            client.await(line -> "heartbeat".equals(type(line)), WAIT);
            publishOneOfEach(writer, tenant);
            assertEquals(73.2, client.await(line -> "sensor_update".equals(type(line)), WAIT).get("message")
                    .get("value").asDouble());
            assertEquals("critical", client.await(line -> "alert".equals(type(line)), WAIT).get("message")
                    .get("severity").asText());
            assertEquals("warning", client.await(line -> "machine_status".equals(type(line))
                    && "seed-m".equals(line.get("message").get("machine_id").asText()), WAIT).get("message")
                    .get("new_status").asText());
        }
    }

    @Test
    void theGuidesPythonLoopSeesEveryMessageType() throws Exception {
        String tenant = tenant();
        String ws = root.resolve(HaltlessDialect.WEBSOCKET_PATH).toString().replaceFirst("^http", "ws");
        try (ClientProgram client = ClientProgram.start(Path.of("src/test/python"), "/usr/bin/python3",
                "haltless_client.py", ws, DevCredentials.tokenFor(tenant, Role.USER)); EventWriter writer = writer()) {
            client.await(line -> line.has("connected"), WAIT);
            client.await(line -> "heartbeat".equals(type(line)), WAIT);
            publishOneOfEach(writer, tenant);
            JsonNode update = client.await(line -> "sensor_update".equals(type(line)), WAIT).get("message");
            assertEquals("temperature", update.get("metric_name").asText(), "the loop prints metric_name, value, unit");
            assertEquals("celsius", update.get("unit").asText());
            JsonNode alert = client.await(line -> "alert".equals(type(line)), WAIT).get("message");
            assertEquals("Temperature exceeded threshold", alert.get("message").asText());
            JsonNode status = client.await(line -> "machine_status".equals(type(line))
                    && "seed-m".equals(line.get("message").get("machine_id").asText()), WAIT).get("message");
            assertEquals("healthy", status.get("old_status").asText());
        }
    }

    private static void publishOneOfEach(EventWriter writer, String tenant) {
        Instant at = Instant.now();
        writer.send(Topics.SENSOR_READINGS.name(), "seed-m", EventTypes.SENSOR_READING, tenant,
                Json.encode(new SensorReading("seed-m", "temperature", 73.2, "celsius", at)));
        writer.send(Topics.ALERTS_TRIGGERED.name(), "rule-seed", EventTypes.SENSOR_ALERT, tenant,
                Json.encode(new SensorAlert("al-" + UUID.randomUUID(), "rule-seed", "seed-m", "temperature", "critical",
                        "Temperature exceeded threshold", 87.3, 85.0, at)));
        writer.send(Topics.MACHINES_STATUS.name(), tenant + "/seed-m", EventTypes.MACHINE_STATUS, tenant,
                Json.encode(new MachineStatus("seed-m", "healthy", "warning", at, "temperature high")));
    }

    private static String type(JsonNode line) {
        return line.path("message").path("type").asText();
    }

    private static EventWriter writer() {
        return new EventWriter(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
    }

    private static String tenant() {
        return "seed-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
