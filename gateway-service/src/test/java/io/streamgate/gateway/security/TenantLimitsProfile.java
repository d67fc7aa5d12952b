package io.streamgate.gateway.security;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Per-tenant limits small enough to reach in a test: three connections a tenant, and a message bucket of
 * twenty that refills so slowly (one every 100 s) that a test's count is exact.
 */
public class TenantLimitsProfile implements QuarkusTestProfile {

    static final int MAX_CONNECTIONS = 3;
    static final int BURST = 20;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "streamgate.gateway.tenants.max-connections", String.valueOf(MAX_CONNECTIONS),
                "streamgate.gateway.tenants.messages.rate", "0.01",
                "streamgate.gateway.tenants.messages.burst", String.valueOf(BURST));
    }
}
