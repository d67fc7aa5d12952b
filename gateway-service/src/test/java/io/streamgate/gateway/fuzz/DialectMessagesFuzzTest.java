package io.streamgate.gateway.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.sessions.JqwikSession;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.streamgate.devstack.DevCredentials;
import io.streamgate.devstack.DevstackTestResource;
import io.streamgate.devstack.testing.WebSocketProbe;
import io.streamgate.platform.identity.Role;
import io.streamgate.platform.json.Json;

/**
 * Every dialect's client messages, fuzzed through a real WebSocket of the real gateway: each bad message
 * gets the dialect's error message (a message that is not a JSON object always does), the connection
 * stays open, and the next message is still answered. SkySpy's {@code request}s are fuzzed in their
 * parameters too: every one is answered under its {@code request_id}, whatever its params are.
 *
 * <p>Inputs come from jqwik generators in a session with a fixed seed; {@code -Dstreamgate.fuzz.ws-tries=N}
 * sends more per endpoint (docs/fuzzing.md).
 */
@QuarkusTest
@WithTestResource(value = DevstackTestResource.class, scope = TestResourceScope.GLOBAL)
class DialectMessagesFuzzTest {

    private static final int TRIES = Integer.getInteger("streamgate.fuzz.ws-tries", 30);
    private static final Duration ANSWER = Duration.ofSeconds(15);
    private static final String TENANT = "fuzz";

    @TestHTTPResource("/")
    URI root;

    /**
     * A dialect endpoint and how to talk to it. {@code marker(n)} is a message whose answer names n, so the
     * answers to everything sent before it have arrived once it is seen; dialects whose endpoint answers every
     * message exactly once ({@code oneAnswerEach}) need none.
     */
    record Target(String name, String path, String auth, String valid, boolean oneAnswerEach,
            java.util.function.IntFunction<String> marker, Predicate<String> isError, Predicate<String> isAnswer) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> targets() {
        Predicate<String> lowerError = frame -> frame.contains("\"type\":\"error\"");
        java.util.function.IntFunction<String> skyspyMarker =
                n -> "{\"action\":\"request\",\"type\":\"no-such\",\"request_id\":\"alive-" + n + "\"}";
        return Stream.of(
                skyspy("/ws/aircraft/", "{\"action\":\"request\",\"type\":\"aircraft_list\",\"request_id\":\"r1\","
                        + "\"params\":{\"min_altitude\":1000,\"military_only\":true}}", skyspyMarker, lowerError),
                skyspy("/ws/all/", "{\"action\":\"subscribe\",\"topics\":[\"aircraft\",\"safety\"]}", skyspyMarker,
                        lowerError),
                skyspy("/ws/alerts/", "{\"action\":\"request\",\"type\":\"alerts\",\"request_id\":\"r1\","
                        + "\"params\":{\"hours\":2,\"limit\":10}}", skyspyMarker, lowerError),
                skyspy("/ws/acars/", "{\"action\":\"request\",\"type\":\"messages\",\"request_id\":\"r1\","
                        + "\"params\":{\"icao\":\"a1b2c3\",\"hours\":1,\"limit\":5}}", skyspyMarker, lowerError),
                skyspy("/ws/safety/", "{\"action\":\"request\",\"type\":\"safety-event-detail\",\"request_id\":\"r1\","
                        + "\"params\":{\"event_id\":42}}", skyspyMarker, lowerError),
                skyspy("/ws/stats/", "{\"type\":\"stats.request\",\"request_id\":\"r1\",\"stat_type\":\"flights\"}",
                        skyspyMarker, lowerError),
                skyspy("/ws/cannonball/", "{\"type\":\"position_update\",\"lat\":47.1,\"lon\":8.2,\"heading\":90}",
                        n -> "{\"type\":\"alive-" + n + "\"}", lowerError),
                Arguments.of(new Target("spooled /api/v1/ws", "/api/v1/ws?token=" + token(), null,
                        "{\"cmd\":\"Subscribe\",\"queue\":\"emails\",\"job_id\":null}", false,
                        n -> "{\"type\":\"no-such\",\"requestId\":\"alive-" + n + "\"}",
                        frame -> frame.contains("\"type\":\"Error\"") || lowerError.test(frame), frame -> true)),
                Arguments.of(new Target("geonicdb /", "/?tenant=" + TENANT, "bearer",
                        "{\"action\":\"subscribe\",\"entityTypes\":[\"Room\"],\"idPattern\":\"^urn:Room\"}", false,
                        n -> "{\"action\":\"alive-" + n + "\"}", lowerError, frame -> true)),
                Arguments.of(new Target("spatialflow /ws/dashboard/events/", "/ws/dashboard/events/", "subprotocol",
                        "{\"type\":\"ping\"}", true, null, lowerError,
                        frame -> lowerError.test(frame) || frame.contains("\"type\":\"pong\""))),
                Arguments.of(new Target("haltless /api/v1/ws/dashboard", "/api/v1/ws/dashboard", "first-message",
                        "{\"type\":\"ping\"}", true, null, lowerError, lowerError)));
    }

    private static Arguments skyspy(String path, String valid, java.util.function.IntFunction<String> marker,
            Predicate<String> isError) {
        return Arguments.of(new Target("skyspy " + path, path, "bearer", valid, false, marker, isError, frame -> true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void everyBadMessageGetsTheDialectsErrorAndTheConnectionKeepsWorking(Target target) {
        List<String> messages = sample(target.path(), FuzzedMessages.around(target.valid()));
        try (WebSocketProbe client = connect(target)) {
            int errors = 0;
            for (int n = 0; n < messages.size(); n++) {
                String message = messages.get(n);
                client.send(message);
                List<String> answers = target.oneAnswerEach() ? List.of(client.nextMatching(target.isAnswer(), ANSWER))
                        : untilMarker(client, target, n);
                boolean refused = answers.stream().anyMatch(target.isError());
                errors += refused ? 1 : 0;
                String id = skyspyRequestId(target, message);
                if (id != null && answers.stream().noneMatch(answer -> answer.contains(id))) {
                    // stats.request is answered when the figures are read, possibly after later messages.
                    answers = new ArrayList<>(answers);
                    answers.add(awaitContaining(client, id, message));
                }
                if (!isJsonObject(message)) {
                    assertTrue(refused, target + ": no error for " + FuzzedMessages.describe(message) + ", got "
                            + answers);
                }
                assertTrue(client.isOpen(), target + " closed after " + FuzzedMessages.describe(message));
            }
            client.send(target.valid());
            if (!target.oneAnswerEach()) {
                untilMarker(client, target, -1);
            } else {
                client.nextMatching(target.isAnswer(), ANSWER);
            }
            assertTrue(client.isOpen(), target + " is still open after the valid message");
            System.out.printf("fuzz %s: %d messages, %d answered with an error%n", target, messages.size(), errors);
        }
    }

    /** endpoint, the request types it answers */
    static Stream<Arguments> requestTargets() {
        return Stream.of(Arguments.of("/ws/aircraft/", List.of("aircraft", "aircraft-info", "aircraft-info-bulk",
                "aircraft_list", "aircraft-stats")),
                Arguments.of("/ws/alerts/", List.of("alerts", "alert-rules", "my-subscriptions", "acknowledge-alert")),
                Arguments.of("/ws/acars/", List.of("messages", "stats")),
                Arguments.of("/ws/airspace/", List.of("advisories")),
                Arguments.of("/ws/safety/", List.of("active_events", "safety-event-detail", "acknowledge")),
                Arguments.of("/ws/all/", List.of("active_events", "safety-event-detail", "messages", "stats",
                        "advisories", "alerts", "aircraft_list")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requestTargets")
    void everySkySpyRequestIsAnsweredUnderItsIdWhateverItsParams(String path, List<String> types) {
        Arbitrary<String> params = Arbitraries.oneOf(FuzzedMessages.oddValues(),
                Combinators.combine(Arbitraries.of("icao", "icaos", "hours", "limit", "min_altitude", "max_altitude",
                        "category", "military_only", "id", "event_id", "event_type", "severity", "callsign", "label",
                        "source", "frequency").list().ofMinSize(1).ofMaxSize(4),
                        FuzzedMessages.oddValues().list().ofSize(4)).as((names, values) -> {
                            StringBuilder object = new StringBuilder("{");
                            for (int i = 0; i < names.size(); i++) {
                                object.append(i == 0 ? "" : ",").append('"').append(names.get(i)).append("\":")
                                        .append(values.get(i));
                            }
                            return object.append('}').toString();
                        }));
        Arbitrary<String> requests = Combinators.combine(Arbitraries.of(types), params)
                .as((type, p) -> "{\"action\":\"request\",\"type\":\"" + type + "\",\"request_id\":\"%s\",\"params\":"
                        + p + "}");
        List<String> messages = sample(path + "requests", requests);
        Target target = new Target("skyspy " + path, path, "bearer", null, false, null, null, frame -> true);
        try (WebSocketProbe client = connect(target)) {
            for (int n = 0; n < messages.size(); n++) {
                String id = "fuzz-" + n;
                String request = messages.get(n).replace("\"%s\"", "\"" + id + "\"");
                client.send(request);
                String answer = awaitContaining(client, "\"request_id\":\"" + id + "\"", request);
                JsonNode reply = read(answer);
                assertTrue(java.util.Set.of("response", "error", "stats.response").contains(reply.path("type").asText()), answer);
            }
            assertTrue(client.isOpen());
            System.out.printf("fuzz skyspy %s requests: %d messages%n", path, messages.size());
        }
    }

    private List<String> untilMarker(WebSocketProbe client, Target target, int n) {
        client.send(target.marker().apply(n));
        String marker = "alive-" + n;
        List<String> answers = new ArrayList<>();
        Instant deadline = Instant.now().plus(ANSWER);
        while (true) {
            Duration left = Duration.between(Instant.now(), deadline);
            if (left.isNegative() || left.isZero()) {
                fail(target + ": no answer to the marker after message " + n + "; got " + answers);
            }
            String frame;
            try {
                frame = client.next(left);
            } catch (AssertionError timedOut) {
                throw new AssertionError(target + ": no answer to the marker after message " + n + "; got " + answers,
                        timedOut);
            }
            if (frame.contains(marker)) {
                return answers;
            }
            answers.add(frame);
        }
    }

    private static String awaitContaining(WebSocketProbe client, String wanted, String request) {
        try {
            return client.nextMatching(frame -> frame.contains(wanted), ANSWER);
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError("no answer to " + FuzzedMessages.describe(request), e);
        }
    }

    private WebSocketProbe connect(Target target) {
        URI uri = URI.create("ws://" + root.getHost() + ":" + root.getPort() + target.path());
        WebSocketProbe client = switch (target.auth() == null ? "" : target.auth()) {
            case "bearer" -> WebSocketProbe.connect(uri, Map.of("Authorization", "Bearer " + token()));
            case "subprotocol" -> WebSocketProbe.connect(uri, List.of("access_token", token()));
            default -> WebSocketProbe.connect(uri);
        };
        if ("first-message".equals(target.auth())) {
            client.send(token());
        }
        return client;
    }

    private List<String> sample(String endpoint, Arbitrary<String> messages) {
        List<String> sampled = new ArrayList<>();
        // One seed per endpoint: adding an endpoint does not change the inputs the others get.
        JqwikSession.run(String.valueOf(2200 + Math.floorMod(endpoint.hashCode(), 1000)),
                () -> messages.sampleStream().limit(TRIES).forEach(sampled::add));
        return sampled;
    }

    /** The {@code "request_id":…} a SkySpy answer to {@code message} must carry, or null when it names none. */
    private static String skyspyRequestId(Target target, String message) {
        if (!target.name().startsWith("skyspy ") || target.name().contains("cannonball") || !isJsonObject(message)) {
            return null;
        }
        JsonNode request = read(message);
        boolean asks = "request".equals(request.path("action").asText())
                || "stats.request".equals(request.path("type").asText());
        JsonNode id = request.get("request_id");
        return asks && id != null && id.isTextual() ? "\"request_id\":" + FuzzedMessages.quoted(id.asText()) : null;
    }

    private static boolean isJsonObject(String message) {
        try {
            JsonNode node = Json.mapper().readTree(message);
            return node != null && node.isObject();
        } catch (Exception e) {
            return false;
        }
    }

    private static JsonNode read(String frame) {
        try {
            return Json.mapper().readTree(frame);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + frame, e);
        }
    }

    private static String token() {
        return DevCredentials.tokenFor(TENANT, Role.USER);
    }
}
