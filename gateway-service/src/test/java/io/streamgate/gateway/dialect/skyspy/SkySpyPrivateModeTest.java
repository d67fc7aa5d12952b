package io.streamgate.gateway.dialect.skyspy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
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

@QuarkusTest
@TestProfile(SkySpyPrivateModeTest.PrivateMode.class)
@WithTestResource(value = DevstackTestResource.class, scope = TestResourceScope.GLOBAL)
class SkySpyPrivateModeTest {

    public static class PrivateMode implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("streamgate.auth.mode", "private", "streamgate.auth.query-token-enabled", "false");
        }
    }

    @TestHTTPResource("/ws/aircraft/")
    URI endpoint;

    @Test
    void anAnonymousClientIsClosedWith4001() {
        try (WebSocketProbe client = WebSocketProbe.connect(ws())) {
            assertEquals(4001, client.awaitClose(Duration.ofSeconds(20)));
        }
    }

    @Test
    void aQueryTokenIsIgnoredWhenSwitchedOff() {
        try (WebSocketProbe client = WebSocketProbe.connect(URI.create(ws() + "?token="
                + DevCredentials.tokenFor("default", Role.USER)))) {
            assertEquals(4001, client.awaitClose(Duration.ofSeconds(20)));
        }
    }

    @Test
    void aCredentialIsAdmitted() {
        try (WebSocketProbe client = WebSocketProbe.connect(ws(),
                Map.of("Authorization", "Bearer " + DevCredentials.tokenFor("default", Role.USER)))) {
            assertTrue(client.next(Duration.ofSeconds(20)).contains("aircraft:snapshot"));
        }
    }

    private URI ws() {
        return URI.create(endpoint.toString().replaceFirst("^http", "ws"));
    }
}
