package io.streamgate.stats.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.streamgate.devstack.DevstackTestResource;
import io.streamgate.stats.StatsFixture;

/** The framework's own refusals of the stats API are problem documents with a reason, as the resource's are. */
@QuarkusTest
@WithTestResource(value = DevstackTestResource.class, scope = TestResourceScope.GLOBAL)
class StatsRefusalsTest {

    @Test
    void aMethodTheApiDoesNotTakeIs405Problem() {
        given().auth().oauth2(StatsFixture.token("default")).contentType("application/json").body("{}")
                .post("/v1/stats").then().statusCode(405).contentType("application/problem+json")
                .body("status", equalTo(405)).body("detail", equalTo("POST is not allowed on /v1/stats"));
    }

    @Test
    void aPathNothingServesIs404Problem() {
        given().get("/nothing-here").then().statusCode(404).contentType("application/problem+json")
                .body("status", equalTo(404)).body("detail", equalTo("nothing is served at /nothing-here"));
    }
}
