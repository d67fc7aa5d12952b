package io.streamgate.gateway.transport;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.streamgate.devstack.DevstackTestResource;

/** What a client gets when no endpoint takes its request: a problem document, as for every other refusal. */
@QuarkusTest
@WithTestResource(value = DevstackTestResource.class, scope = TestResourceScope.GLOBAL)
class FrameworkRefusalsTest {

    @Test
    void aPathNoEndpointServesIs404Problem() {
        given().get("/no-such-endpoint/").then().statusCode(404).contentType("application/problem+json")
                .body("status", equalTo(404)).body("detail", equalTo("nothing is served at /no-such-endpoint/"));
    }
}
