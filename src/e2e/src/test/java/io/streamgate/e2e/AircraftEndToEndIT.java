package io.streamgate.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.streamgate.devstack.Deadline;
import io.streamgate.devstack.Service;
import io.streamgate.devstack.SharedData;
import io.streamgate.devstack.Stack;
import io.streamgate.devstack.testing.SkySpyAircraftPicture;
import io.streamgate.devstack.testing.WebSocketProbe;
import io.streamgate.platform.identity.Role;
import io.streamgate.platform.json.Json;

/**
 * The whole system as a user meets it: the four services from their packaged jars on a real Kafka and
 * Redis, a receiver's file posted to ingest, and a SkySpy map client on the gateway.
 */
class AircraftEndToEndIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static Stack stack;

    @BeforeAll
    static void startStack() {
        stack = Stack.start(false);
    }

    @AfterAll
    static void stopStack() {
        if (stack == null) {
            return;
        }
        long[] pids = Arrays.stream(Service.values()).mapToLong(s -> stack.process(s).pid()).toArray();
        stack.close();
        for (long pid : pids) {
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false),
                    "process " + pid + " is gone after stop");
        }
    }

    @Test
    void aReceiversAircraftReachAWebSocketClientIntact() throws Exception {
        byte[] file = Files.readAllBytes(SharedData.file("adsb/dump1090-fa-aircraft.json"));
        Map<String, JsonNode> expected = new HashMap<>();
        for (JsonNode aircraft : Json.mapper().readTree(file).get("aircraft")) {
            if (aircraft.has("lat")) {
                expected.put(aircraft.get("hex").asText(), aircraft);
            }
        }
        assertEquals(25, expected.size(), "the reference file has 25 aircraft with a position");

        URI gateway = URI.create(stack.url(Service.GATEWAY).toString().replaceFirst("^http", "ws"))
                .resolve("/ws/aircraft/");
        try (WebSocketProbe client = WebSocketProbe.connect(gateway)) {
            SkySpyAircraftPicture picture = new SkySpyAircraftPicture();
            assertEquals("aircraft:snapshot", picture.apply(client.next(WAIT)));

            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(stack.url(Service.INGEST).resolve("/v1/aircraft"))
                            .header("Content-Type", "application/json")
                            .header("Authorization", "Bearer " + stack.infrastructure().credentials()
                                    .token("default", "e2e-feeder", Set.of(Role.USER), Duration.ofMinutes(10)))
                            .POST(HttpRequest.BodyPublishers.ofByteArray(file)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(202, response.statusCode(), response.body());

            Deadline.await("all 25 aircraft on the client", WAIT, () -> {
                picture.apply(client.next(WAIT));
                return picture.aircraft().keySet().containsAll(expected.keySet());
            });
        }

        SkySpyAircraftPicture seen = new SkySpyAircraftPicture();
        try (WebSocketProbe late = WebSocketProbe.connect(URI.create(stack.url(Service.GATEWAY).toString()
                .replaceFirst("^http", "ws")).resolve("/ws/aircraft/"))) {
            seen.apply(late.next(WAIT));
        }
        assertEquals(expected.keySet(), seen.aircraft().keySet(), "a client connecting later sees them in its snapshot");
        for (Map.Entry<String, JsonNode> entry : expected.entrySet()) {
            JsonNode sent = entry.getValue();
            JsonNode shown = seen.aircraft().get(entry.getKey());
            assertEquals(sent.get("lat").asDouble(), shown.get("lat").asDouble(), entry.getKey());
            assertEquals(sent.get("lon").asDouble(), shown.get("lon").asDouble(), entry.getKey());
            if (sent.has("flight")) {
                assertEquals(sent.get("flight").asText().strip(), shown.get("flight").asText(), entry.getKey());
            } else {
                assertTrue(shown.path("flight").isMissingNode(), entry.getKey());
            }
        }
    }
}
