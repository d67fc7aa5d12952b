package io.streamgate.safety.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasKey;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.streamgate.devstack.DevstackTestResource;

/** An integrator finds safety-service's REST API, workflows included, in its OpenAPI document. */
@QuarkusTest
@WithTestResource(value = DevstackTestResource.class, scope = TestResourceScope.GLOBAL)
class SafetyOpenApiTest {

    @Test
    void theOpenApiDocumentDescribesTheWorkflowsApi() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths", hasKey("/v1/workflows")).body("paths", hasKey("/v1/workflows/{id}"))
                .body("paths", hasKey("/v1/workflows/{id}/executions/{execution}"))
                .body("paths", hasKey("/v1/alerts/rules"));
    }
}
