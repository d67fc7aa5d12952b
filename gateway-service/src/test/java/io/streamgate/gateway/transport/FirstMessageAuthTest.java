package io.streamgate.gateway.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.streamgate.devstack.DevCredentials;
import io.streamgate.devstack.DevstackTestResource;
import io.streamgate.devstack.testing.WebSocketProbe;
import io.streamgate.platform.identity.Role;

/**
 * First-message auth as the WebSocket transport offers it to any dialect (Haltless uses it), through
 * {@link EchoDialect}: the token is the first message; nothing reaches the client before it is
 * verified; a refused token, none in time, or too many waiting connections from one address each
 * close with the dialect's own code.
 */
@QuarkusTest
@TestProfile(FirstMessageAuthTest.ShortAuthWindow.class)
@WithTestResource(value = DevstackTestResource.class, scope = TestResourceScope.GLOBAL)
class FirstMessageAuthTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    public static class ShortAuthWindow implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("streamgate.gateway.websocket.first-message-auth.timeout", "4s",
                    "streamgate.gateway.websocket.first-message-auth.max-pending-per-address", "2");
        }
    }

    @TestHTTPResource(EchoDialect.PATH)
    URI endpoint;

    @Test
    void aValidTokenAsTheFirstMessageOpensTheChannelAsItsCaller() {
        try (WebSocketProbe client = WebSocketProbe.connect(ws())) {
            client.send(DevCredentials.tokenFor("acme", Role.USER));
            // The welcome is the first frame of all: nothing was sent before the token was accepted.
            assertEquals("{\"type\":\"welcome\",\"tenant\":\"acme\"}", client.next(WAIT));
            client.send("hello");
            assertEquals("{\"type\":\"echo\",\"text\":\"hello\"}", client.next(WAIT));
        }
    }

    @Test
    void aRefusedTokenClosesWithTheDialectsUnauthorizedCode() {
        try (WebSocketProbe client = WebSocketProbe.connect(ws())) {
            client.send("not-a-token");
            assertEquals(EchoDialect.CODES.unauthorized(), client.awaitClose(WAIT));
        }
    }

    @Test
    void noTokenInTimeClosesWithTheDialectsAuthTimeoutCode() {
        try (WebSocketProbe client = WebSocketProbe.connect(ws())) {
            assertEquals(EchoDialect.CODES.authTimeout(), client.awaitClose(WAIT));
        }
    }

    @Test
    void oneConnectionMoreThanTheLimitWaitingFromOneAddressIsClosedAtOnce() {
        List<WebSocketProbe> waiting = new ArrayList<>();
        try {
            waiting.add(WebSocketProbe.connect(ws()));
            waiting.add(WebSocketProbe.connect(ws()));
            try (WebSocketProbe third = WebSocketProbe.connect(ws())) {
                // Well before the 4 s auth window could have closed it (a loaded CI machine still has margin).
                assertEquals(EchoDialect.CODES.tooManyPending(), third.awaitClose(Duration.ofMillis(2500)));
            }
            assertTrue(waiting.get(0).isOpen() && waiting.get(1).isOpen(), "the first two are still waiting");
            // Once one has authenticated, its place is free again.
            waiting.get(0).send(DevCredentials.tokenFor("acme", Role.USER));
            waiting.get(0).next(WAIT);
            try (WebSocketProbe next = WebSocketProbe.connect(ws())) {
                next.send(DevCredentials.tokenFor("acme", Role.USER));
                assertEquals("{\"type\":\"welcome\",\"tenant\":\"acme\"}", next.next(WAIT));
            }
        } finally {
            waiting.forEach(WebSocketProbe::close);
        }
    }

    private URI ws() {
        return URI.create(endpoint.toString().replaceFirst("^http", "ws"));
    }
}
