package io.streamgate.ingest.limits;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** A request bucket of five that refills so slowly (one every 100 s) that the test's counts are exact. */
public class TenantRequestLimitProfile implements QuarkusTestProfile {

    static final int BURST = 5;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("streamgate.ingest.tenants.requests.rate", "0.01",
                "streamgate.ingest.tenants.requests.burst", String.valueOf(BURST));
    }
}
