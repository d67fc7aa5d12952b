package io.streamgate.gateway.security;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The gateway as a hardened deployment runs it: a required audience, an OIDC issuer's JWKS beside the
 * devstack key, a browser-origin allow-list, a short first-message timeout (so the matrix does not wait
 * 10 s per Haltless case) and debug logging of StreamGate's own classes (so the log check sees every line
 * the code could write, not only what INFO lets through).
 */
public class SecurityProfile implements QuarkusTestProfile {

    static final String AUDIENCE = "streamgate-gateway";
    static final String ALLOWED_ORIGIN = "https://dashboard.streamgate.test";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "streamgate.auth.jwt.audience", AUDIENCE,
                "streamgate.auth.allowed-origins", ALLOWED_ORIGIN,
                "streamgate.gateway.websocket.first-message-auth.timeout", "2s",
                "quarkus.log.category.\"io.streamgate\".level", "DEBUG");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(JwksIssuerResource.class));
    }
}
