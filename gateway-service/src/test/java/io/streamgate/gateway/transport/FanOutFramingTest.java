package io.streamgate.gateway.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.streamgate.devstack.DevCredentials;
import io.streamgate.devstack.DevstackTestResource;
import io.streamgate.devstack.testing.WebSocketProbe;
import io.streamgate.platform.identity.Role;

/**
 * Fan-out frames go to the socket already framed, below Vert.x and the WebSocket encoder: a client must
 * read them as ordinary text messages at every header length, in order with the frames that take the
 * ordinary way, and a client that offers permessage-deflate must not get it (it is off by default for
 * fan-out, docs/benchmarks.md).
 */
@QuarkusTest
@WithTestResource(value = DevstackTestResource.class, scope = TestResourceScope.GLOBAL)
class FanOutFramingTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @TestHTTPResource(EchoDialect.PATH)
    URI echo;

    @TestHTTPResource("/ws/aircraft/")
    URI aircraft;

    @Test
    void preFramedMessagesArriveWholeAtEveryHeaderLengthAndInOrderWithReplies() {
        try (WebSocketProbe client = WebSocketProbe.connect(ws(echo))) {
            client.send(DevCredentials.tokenFor("acme", Role.USER));
            assertEquals("{\"type\":\"welcome\",\"tenant\":\"acme\"}", client.next(WAIT));
            for (int length : new int[] { 5, 125, 126, 2_000, 65_535, 65_536, 300_000 }) {
                client.send(EchoDialect.SHARED + length);
                client.send("after " + length);
                String expected = "x".repeat(length);
                assertEquals(expected, client.next(WAIT), "the first copy of " + length);
                assertEquals(expected, client.next(WAIT), "the second copy, from the header written once");
                assertEquals("{\"type\":\"echo\",\"text\":\"after " + length + "\"}", client.next(WAIT),
                        "a reply written the ordinary way comes after them");
            }
        }
    }

    @Test
    void permessageDeflateIsNotNegotiatedByDefault() throws IOException {
        try (Socket socket = new Socket(aircraft.getHost(), aircraft.getPort())) {
            socket.setSoTimeout(10_000);
            String request = "GET " + aircraft.getRawPath() + " HTTP/1.1\r\nHost: " + aircraft.getHost() + ":"
                    + aircraft.getPort() + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13"
                    + "\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                    + "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            String response = headers(socket.getInputStream()).toLowerCase(Locale.ROOT);
            assertTrue(response.startsWith("http/1.1 101"), response);
            assertFalse(response.contains("sec-websocket-extensions"), "no extension accepted: " + response);
        }
    }

    private static String headers(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    private static URI ws(URI http) {
        return URI.create(http.toString().replaceFirst("^http", "ws"));
    }
}
