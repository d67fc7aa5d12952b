package io.streamgate.safety.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.streamgate.devstack.DevCredentials;
import io.streamgate.devstack.DevstackTestResource;
import io.streamgate.platform.identity.Role;

/** The framework's own refusals of safety-service's API are problem documents with a reason, as its resources' are. */
@QuarkusTest
@WithTestResource(value = DevstackTestResource.class, scope = TestResourceScope.GLOBAL)
class SafetyRefusalsTest {

    private static final String TOKEN = DevCredentials.tokenFor("default", Role.USER);

    @Test
    void aMethodTheRulesDoNotTakeIs405Problem() {
        given().auth().oauth2(TOKEN).contentType("application/json").body("{}").patch("/v1/alerts/rules")
                .then().statusCode(405).contentType("application/problem+json")
                .body("status", equalTo(405)).body("detail", equalTo("PATCH is not allowed on /v1/alerts/rules"));
    }

    @Test
    void aBodyTheRulesDoNotTakeIs415Problem() {
        given().auth().oauth2(TOKEN).contentType("text/plain").body("altitude < 1000").post("/v1/alerts/rules")
                .then().statusCode(415).contentType("application/problem+json").body("status", equalTo(415))
                .body("detail", containsString("text/plain"));
    }

    @Test
    void aPathNothingServesIs404Problem() {
        given().get("/nothing-here").then().statusCode(404).contentType("application/problem+json")
                .body("status", equalTo(404)).body("detail", equalTo("nothing is served at /nothing-here"));
    }
}
