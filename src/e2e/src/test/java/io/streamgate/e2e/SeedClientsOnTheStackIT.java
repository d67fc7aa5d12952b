package io.streamgate.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.streamgate.devstack.Service;
import io.streamgate.devstack.Stack;
import io.streamgate.devstack.testing.ClientProgram;
import io.streamgate.devstack.traffic.TrafficConfig;
import io.streamgate.devstack.traffic.TrafficSource;
import io.streamgate.platform.identity.Role;
import io.streamgate.platform.json.Json;

/**
 * The clients written from the products' own documents (gateway-service/src/test/node and src/test/python)
 * against the whole stack from its packaged jars, fed by the launcher's demo traffic through ingest: what a
 * Haltless, Spooled or GeonicDB customer sees after changing only the host name.
 */
class SeedClientsOnTheStackIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String TENANT = "seeds";
    private static final Path NODE = Path.of("../../gateway-service/src/test/node");
    private static final Path PYTHON = Path.of("../../gateway-service/src/test/python");

    private static Stack stack;
    private static TrafficSource traffic;

    @BeforeAll
    static void startStackAndTraffic() {
        stack = Stack.start(false);
        TrafficConfig config = TrafficConfig.of(Map.of("streamgate.traffic.jobs.arrival-scale", "5"));
        traffic = TrafficSource.start(stack.url(Service.INGEST), token(Role.USER), config,
                TrafficSource.standardGenerators(config, "seeds", System.out::println), Clock.systemUTC(),
                System.out::println);
    }

    @AfterAll
    static void stop() {
        if (traffic != null) {
            traffic.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void haltlessGuideClientsSeeTheLiveSensorReadings() throws Exception {
        String base = stack.url(Service.GATEWAY).toString();
        try (ClientProgram typescript = ClientProgram.start(NODE, "node", "haltless-client.mjs", base,
                token(Role.USER), "no-refresh-needed");
                ClientProgram python = ClientProgram.start(PYTHON, "/usr/bin/python3", "haltless_client.py",
                        base.replaceFirst("^http", "ws") + "/api/v1/ws/dashboard", token(Role.USER))) {
            for (ClientProgram client : new ClientProgram[] { typescript, python }) {
                client.await(line -> "heartbeat".equals(line.path("message").path("type").asText()), WAIT);
                JsonNode update = client.await(line -> "sensor_update".equals(line.path("message").path("type")
                        .asText()), WAIT).get("message");
                assertTrue(update.get("value").isNumber(), update.toString());
                assertTrue(!update.get("unit").asText().isEmpty(), update.toString());
            }
        }
    }

    @Test
    void aSpooledSdkStyleClientSeesTheLiveJobQueues() throws Exception {
        String apiKey = apiKey();
        try (ClientProgram client = ClientProgram.start(NODE, "node", "spooled-client.mjs",
                stack.url(Service.GATEWAY).toString(), apiKey, "emails")) {
            // Before its Subscribe the connection gets every queue, as Spooled's server does: judge what follows it.
            JsonNode ready = client.await(line -> line.has("ready"), WAIT);
            JsonNode created = client.awaitAfter(ready, line -> "JobCreated".equals(line.path("ws").path("type").asText()),
                    WAIT);
            assertEquals("emails", created.get("ws").get("data").get("queue_name").asText());
            JsonNode stats = client.awaitAfter(ready, line -> "QueueStats".equals(line.path("ws").path("type").asText()),
                    WAIT);
            assertEquals("emails", stats.get("ws").get("data").get("queue_name").asText());
            JsonNode sse = client.await(line -> line.path("sse").path("event").asText().startsWith("job."), WAIT);
            assertTrue(!sse.get("sse").get("id").asText().isEmpty(), "SSE job events carry a resumable id");
        }
    }

    @Test
    void geonicDbGuideClientLogsInAndSeesTheSmartCityChange() throws Exception {
        createUser("operator", "operator@seeds.example", "a-test-password-1");
        try (ClientProgram client = ClientProgram.start(NODE, "node", "geonicdb-client.mjs",
                stack.url(Service.GATEWAY).toString(), TENANT, "operator@seeds.example", "a-test-password-1")) {
            assertEquals(200, client.await(line -> line.has("login"), WAIT).get("login").asInt());
            assertEquals("access_token", client.await(line -> line.has("open"), WAIT).get("open").asText());
            client.await(line -> "pong".equals(line.path("message").path("type").asText()), WAIT);
            JsonNode change = client.await(line -> line.path("message").path("type").asText().startsWith("entity"),
                    WAIT).get("message");
            assertEquals(TENANT, change.get("tenant").asText());
            assertTrue(Set.of("Room", "ParkingSpot", "AirQualityObserved").contains(change.get("entityType").asText()),
                    change.toString());
        }
    }

    /** A password user of the tenant, made through ingest's admin endpoint as an operator would. */
    private static void createUser(String username, String email, String password) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(stack.url(Service.INGEST) + "/v1/admin/users"))
                .header("Authorization", "Bearer " + token(Role.TENANT_ADMIN))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + username + "\",\"email\":\"" + email
                        + "\",\"password\":\"" + password + "\"}"))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(201, response.statusCode(), response.body());
    }

    private static String token(Role role) {
        return stack.infrastructure().credentials().token(TENANT, "seed-" + role.name().toLowerCase(), Set.of(role),
                Duration.ofMinutes(30));
    }

    /** An API key of the tenant, made through ingest's admin endpoint as an operator would. */
    private static String apiKey() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(stack.url(Service.INGEST) + "/v1/admin/api-keys"))
                .header("Authorization", "Bearer " + token(Role.TENANT_ADMIN))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"seed-clients\",\"prefix\":\"sp_live_\"}"))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(201, response.statusCode(), response.body());
        return Json.mapper().readTree(response.body()).get("key").asText();
    }
}
