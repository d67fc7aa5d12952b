package io.streamgate.gateway;

import java.util.Set;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.streamgate.devstack.DevstackTestResource;
import io.streamgate.devstack.testing.ServiceContractTest;

@QuarkusTest
@WithTestResource(value = DevstackTestResource.class, scope = TestResourceScope.GLOBAL)
class GatewayServiceContractTest extends ServiceContractTest {

    /** Not ready until the engine's views are warm (EngineReadiness), besides Kafka and Redis. */
    @Override
    protected Set<String> readinessChecks() {
        return Set.of(KAFKA_CHECK, REDIS_CHECK, "Gateway engine views");
    }
}
