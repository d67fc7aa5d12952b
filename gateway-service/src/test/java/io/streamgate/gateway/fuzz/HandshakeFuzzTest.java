package io.streamgate.gateway.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import net.jqwik.api.sessions.JqwikSession;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.streamgate.devstack.DevCredentials;
import io.streamgate.devstack.DevstackTestResource;
import io.streamgate.devstack.testing.SseProbe;
import io.streamgate.devstack.testing.UpgradeRequest;
import io.streamgate.devstack.testing.WebSocketProbe;
import io.streamgate.platform.identity.Role;

/**
 * What a client says when it connects, fuzzed against the real gateway: resume ids ({@code Last-Event-ID},
 * {@code ?last_event_id=}) never keep a stream from starting, a bad credential in any place a dialect reads
 * one is refused (401 with a problem document, or the dialect's close code), never a 5xx, and a text frame
 * that is not UTF-8 closes the connection with 1007. After each, a good client is still served.
 */
@QuarkusTest
@WithTestResource(value = DevstackTestResource.class, scope = TestResourceScope.GLOBAL)
class HandshakeFuzzTest {

    private static final int TRIES = Integer.getInteger("streamgate.fuzz.handshake-tries", 12);
    private static final String TENANT = "fuzz";

    @TestHTTPResource("/")
    URI root;

    static Stream<Arguments> streams() {
        return Stream.of(Arguments.of("/sse/alerts/"), Arguments.of("/sse/safety/"), Arguments.of("/sse/acars/"),
                Arguments.of("/api/v1/sse/dashboard"), Arguments.of("/sse/entities?tenant=" + TENANT),
                Arguments.of("/api/v1/events"), Arguments.of("/sse/dashboard/events/"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("streams")
    void anyResumeIdStillStartsTheStream(String path) {
        List<String> ids = sample(path, resumeIds());
        for (int n = 0; n < ids.size(); n++) {
            String id = ids.get(n);
            boolean inQuery = n % 2 == 1;
            URI uri = http(path + (path.contains("?") ? "&" : "?") + (inQuery ? "last_event_id="
                    + URLEncoder.encode(id, StandardCharsets.UTF_8) : "fuzz=" + n));
            Map<String, String> headers = new java.util.HashMap<>(Map.of("Authorization", "Bearer " + token()));
            if (!inQuery && !id.isEmpty()) {
                headers.put("Last-Event-ID", id);
            }
            try (SseProbe stream = SseProbe.open(uri, headers)) {
                if (overTheRequestLineLimit(uri)) {
                    assertEquals(414, stream.status(), "a request line over the limit");
                    continue;
                }
                assertEquals(200, stream.status(), path + " with resume id " + FuzzedMessages.describe(id));
                assertTrue(stream.header("Content-Type").startsWith("text/event-stream"), stream.header("Content-Type"));
            }
        }
        try (SseProbe fresh = SseProbe.open(http(path), Map.of("Authorization", "Bearer " + token()))) {
            assertEquals(200, fresh.status());
        }
        System.out.printf("fuzz %s resume ids: %d inputs%n", path, ids.size());
    }

    static Stream<Arguments> sockets() {
        return Stream.of(Arguments.of("/ws/alerts/"), Arguments.of("/api/v1/ws"), Arguments.of("/?tenant=" + TENANT),
                Arguments.of("/ws/dashboard/events/"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sockets")
    void aBadCredentialAnywhereIsRefusedNeverAnError(String path) {
        List<String> tokens = sample(path, tokens());
        int refused = 0;
        for (int n = 0; n < tokens.size(); n++) {
            String token = tokens.get(n);
            UpgradeRequest answer = switch (n % 3) {
                case 0 -> UpgradeRequest.send(ws(path), Map.of("Authorization", "Bearer " + token));
                case 1 -> UpgradeRequest.send(ws(path), Map.of("Sec-WebSocket-Protocol", "access_token, " + token));
                default -> UpgradeRequest.send(ws(path + (path.contains("?") ? "&" : "?") + "token="
                        + URLEncoder.encode(token, StandardCharsets.UTF_8)), Map.of());
            };
            String input = path + " with credential " + FuzzedMessages.describe(token);
            if (n % 3 == 2 && overTheRequestLineLimit(ws(path + "?token=" + URLEncoder.encode(token,
                    StandardCharsets.UTF_8)))) {
                assertEquals(414, answer.status(), "a request line over the limit: " + input);
                continue;
            }
            assertTrue(Set.of(101, 401).contains(answer.status()), answer.status() + " for " + input + ": " + answer.body());
            if (answer.status() == 401) {
                assertEquals("application/problem+json", answer.headers().get("content-type"), input);
                assertTrue(answer.body().contains("\"status\":401"), answer.body());
                refused++;
            }
        }
        assertEquals(101, UpgradeRequest.send(ws(path), Map.of("Authorization", "Bearer " + token())).status());
        System.out.printf("fuzz %s credentials: %d inputs, %d refused before the upgrade%n", path, tokens.size(), refused);
    }

    /** Haltless reads its token from the first message: a bad one closes with Haltless's 4001. */
    @Test
    void aBadFirstMessageTokenClosesWithTheDialectsCode() {
        List<String> tokens = sample("haltless", tokens());
        for (String token : tokens) {
            try (WebSocketProbe client = WebSocketProbe.connect(ws("/api/v1/ws/dashboard"))) {
                client.send(token.isBlank() ? "x" + token : token);
                assertEquals(4001, client.awaitClose(Duration.ofSeconds(15)), FuzzedMessages.describe(token));
            }
        }
        try (WebSocketProbe client = WebSocketProbe.connect(ws("/api/v1/ws/dashboard"))) {
            client.send(token());
            client.send("{\"type\":\"ping\"}");
            assertTrue(client.nextMatching(frame -> frame.contains("\"type\":\"error\""), Duration.ofSeconds(15))
                    .contains("error"));
        }
        System.out.printf("fuzz haltless first-message tokens: %d inputs%n", tokens.size());
    }

    /** RFC 6455 §8.1: a text message that is not UTF-8 fails the connection with 1007; others carry on. */
    @Test
    void aTextFrameThatIsNotUtf8ClosesWith1007() throws IOException {
        byte[][] invalid = {{(byte) 0x80}, {(byte) 0xC3, 0x28}, {(byte) 0xC0, (byte) 0xAF},
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xFF}, {'{', '"', 'a', '"', ':', (byte) 0xE2, (byte) 0x82, '}'}};
        for (byte[] payload : invalid) {
            try (RawClient client = RawClient.connect(ws("/ws/aircraft/"), token())) {
                client.sendText(payload);
                assertEquals(1007, client.closeCode(), "close code for " + java.util.HexFormat.of().formatHex(payload));
            }
        }
        try (WebSocketProbe good = WebSocketProbe.connect(ws("/ws/aircraft/"),
                Map.of("Authorization", "Bearer " + token()))) {
            good.send("{\"action\":\"ping\"}");
            good.nextMatching(frame -> frame.contains("\"type\":\"pong\""), Duration.ofSeconds(15));
        }
    }

    private static Arbitrary<String> resumeIds() {
        Arbitrary<String> base64 = Arbitraries.strings().ofMaxLength(80).map(text -> Base64.getUrlEncoder()
                .withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8)));
        Arbitrary<String> topicLike = Arbitraries.of("alerts.triggered", "safety.events", "acars.messages",
                "entities.changes", "jobs.events", "machines.status").flatMap(topic -> Arbitraries.of(topic + "|",
                        topic + "|-1", topic + "|1,,2", topic + "|9223372036854775807", topic + "|99999999999999999999",
                        topic + "|" + "0,".repeat(1000) + "0").map(text -> Base64.getUrlEncoder().withoutPadding()
                                .encodeToString(text.getBytes(StandardCharsets.UTF_8))));
        return Arbitraries.frequencyOf(Tuple.of(2, base64), Tuple.of(3, topicLike),
                Tuple.of(2, Arbitraries.strings().withCharRange('!', '~').ofMaxLength(200)),
                Tuple.of(1, Arbitraries.strings().withCharRange('!', '~').ofMinLength(4000).ofMaxLength(6000)),
                Tuple.of(1, Combinators.combine(topicLike, topicLike).as((a, b) -> a + "." + b + ".x")));
    }

    private static Arbitrary<String> tokens() {
        String good = token();
        Arbitrary<String> mangled = Combinators.combine(Arbitraries.integers().between(0, good.length() - 1),
                Arbitraries.chars().with("A.-_=+/%x".toCharArray()), Arbitraries.of(true, false))
                .as((at, c, cut) -> cut ? good.substring(0, at) : good.substring(0, at) + c + good.substring(at + 1));
        String payload = good.split("\\.")[1];
        Arbitrary<String> unsigned = Arbitraries.of("{\"alg\":\"none\"}", "{\"alg\":\"HS256\"}", "{\"alg\":\"RS256\","
                + "\"kid\":\"not-ours\"}", "{}", "null").map(header -> Base64.getUrlEncoder().withoutPadding()
                        .encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "." + payload + ".");
        return Arbitraries.frequencyOf(Tuple.of(3, mangled), Tuple.of(2, unsigned),
                Tuple.of(2, Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(300)),
                Tuple.of(1, Arbitraries.strings().alpha().numeric().ofMinLength(16).ofMaxLength(128)
                        .map(tail -> "sk_live_" + tail)),
                Tuple.of(1, Arbitraries.strings().withCharRange('!', '~').ofMinLength(6000).ofMaxLength(7000)));
    }

    private List<String> sample(String endpoint, Arbitrary<String> values) {
        List<String> sampled = new ArrayList<>();
        JqwikSession.run(String.valueOf(2400 + Math.floorMod(endpoint.hashCode(), 1000)),
                () -> values.sampleStream().limit(TRIES).forEach(sampled::add));
        return sampled;
    }

    /**
     * Vert.x refuses a request line over {@code quarkus.http.limits.max-initial-line-length} (4096) with a
     * bare 414 before any route runs: the status is right, the body is the framework's (docs/fuzzing.md).
     */
    private static boolean overTheRequestLineLimit(URI uri) {
        return ("GET " + uri.getRawPath() + "?" + uri.getRawQuery() + " HTTP/1.1").length() > 4096;
    }

    private URI http(String path) {
        return URI.create("http://" + root.getHost() + ":" + root.getPort() + path);
    }

    private URI ws(String path) {
        return URI.create("ws://" + root.getHost() + ":" + root.getPort() + path);
    }

    private static String token() {
        return DevCredentials.tokenFor(TENANT, Role.USER);
    }

    /** A WebSocket client that can send bytes no conforming client would: a text frame that is not UTF-8. */
    private static final class RawClient implements AutoCloseable {
        private final Socket socket;
        private final DataInputStream in;

        private RawClient(Socket socket) throws IOException {
            this.socket = socket;
            this.in = new DataInputStream(socket.getInputStream());
        }

        static RawClient connect(URI uri, String token) throws IOException {
            Socket socket = new Socket(uri.getHost(), uri.getPort());
            socket.setSoTimeout(15_000);
            String request = "GET " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                    + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
                    + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(new byte[16]) + "\r\n"
                    + "Authorization: Bearer " + token + "\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            RawClient client = new RawClient(socket);
            String status = client.line();
            while (!client.line().isEmpty()) {
                // headers
            }
            assertTrue(status.startsWith("HTTP/1.1 101"), status);
            return client;
        }

        /** One final, masked text frame (mask 0: the payload goes out as it is). */
        void sendText(byte[] payload) throws IOException {
            OutputStream out = socket.getOutputStream();
            out.write(new byte[] {(byte) 0x81, (byte) (0x80 | payload.length), 0, 0, 0, 0});
            out.write(payload);
            out.flush();
        }

        /** Skips data frames until the server's close frame, and returns its code. */
        int closeCode() throws IOException {
            while (true) {
                int opcode = in.readUnsignedByte() & 0x0F;
                int length = in.readUnsignedByte() & 0x7F;
                if (length == 126) {
                    length = in.readUnsignedShort();
                } else if (length == 127) {
                    length = Math.toIntExact(in.readLong());
                }
                byte[] payload = in.readNBytes(length);
                if (opcode == 8) {
                    return payload.length >= 2 ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF) : 1005;
                }
            }
        }

        private String line() throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
                if (b != '\r') {
                    bytes.write(b);
                }
            }
            return bytes.toString(StandardCharsets.US_ASCII);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
