package io.streamgate.gateway;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.streamgate.devstack.DevstackTestResource;
import io.streamgate.devstack.testing.ServiceContractTest;

@QuarkusTest
@WithTestResource(value = DevstackTestResource.class, scope = TestResourceScope.GLOBAL)
class GatewayServiceContractTest extends ServiceContractTest {
}
