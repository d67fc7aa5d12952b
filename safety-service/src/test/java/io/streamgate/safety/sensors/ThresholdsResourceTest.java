package io.streamgate.safety.sensors;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.streamgate.devstack.DevstackTestResource;

@QuarkusTest
@WithTestResource(value = DevstackTestResource.class, scope = TestResourceScope.GLOBAL)
class ThresholdsResourceTest {

    private static final String RULE = """
            {"machine_id": "press-7", "metric_name": "temperature", "operator": "above", "threshold": 90,
             "for": 30, "severity": "critical", "message": "Press too hot"}""";

    @Test
    void aRuleIsCreatedReadListedReplacedAndDeleted() {
        String tenant = Callers.newTenant("thr");
        io.restassured.response.ExtractableResponse<io.restassured.response.Response> created = Callers.as(tenant)
                .body(RULE).post("/v1/sensors/thresholds").then().statusCode(201).extract();
        String id = created.path("id");
        org.junit.jupiter.api.Assertions.assertTrue(created.header("Location").endsWith("/v1/sensors/thresholds/" + id));
        Callers.as(tenant).get("/v1/sensors/thresholds/" + id).then().statusCode(200)
                .body("id", equalTo(id)).body("machine_id", equalTo("press-7"))
                .body("metric_name", equalTo("temperature")).body("operator", equalTo("above"))
                .body("threshold", equalTo(90.0f)).body("for", equalTo(30)).body("severity", equalTo("critical"))
                .body("message", equalTo("Press too hot")).body("created_at", notNullValue());
        Callers.as(tenant).get("/v1/sensors/thresholds").then().statusCode(200).body("count", equalTo(1))
                .body("thresholds.id", containsInAnyOrder(id));
        Callers.as(tenant).body("""
                {"machine_id": "*", "metric_name": "pressure", "operator": "below", "threshold": 2.5,
                 "severity": "warning"}""").put("/v1/sensors/thresholds/" + id).then().statusCode(200)
                .body("id", equalTo(id)).body("machine_id", equalTo("*")).body("for", equalTo(0))
                .body("operator", equalTo("below"));
        Callers.as(tenant).get("/v1/sensors/thresholds/" + id).then().body("metric_name", equalTo("pressure"));
        Callers.as(tenant).delete("/v1/sensors/thresholds/" + id).then().statusCode(204);
        Callers.as(tenant).get("/v1/sensors/thresholds/" + id).then().statusCode(404)
                .contentType("application/problem+json");
        Callers.as(tenant).delete("/v1/sensors/thresholds/" + id).then().statusCode(404);
        Callers.as(tenant).get("/v1/sensors/thresholds").then().body("count", equalTo(0));
    }

    @Test
    void anInvalidRuleIsRefusedNamingEveryBadField() {
        String tenant = Callers.newTenant("thr");
        Callers.as(tenant).body("""
                {"machine_id": "", "operator": "sideways", "threshold": "hot", "for": -1, "severity": "panic"}""")
                .post("/v1/sensors/thresholds").then().statusCode(422).contentType("application/problem+json")
                .body("errors.pointer", containsInAnyOrder("/machine_id", "/metric_name", "/operator", "/threshold",
                        "/for", "/severity"));
        Callers.as(tenant).body("[1, 2]").post("/v1/sensors/thresholds").then().statusCode(422);
        Callers.as(tenant).body("{not json").post("/v1/sensors/thresholds").then().statusCode(400);
        Callers.as(tenant).body("""
                {"machine_id": "m", "metric_name": "t", "operator": "above", "threshold": 1, "severity": "info",
                 "for": 1.5}""").post("/v1/sensors/thresholds").then().statusCode(422)
                .body("errors.pointer", hasItems("/for"));
        Callers.as(tenant).get("/v1/sensors/thresholds").then().body("count", equalTo(0));
    }

    @Test
    void aReplacementIsValidatedToo() {
        String tenant = Callers.newTenant("thr");
        String id = Callers.as(tenant).body(RULE).post("/v1/sensors/thresholds").then().statusCode(201)
                .extract().path("id");
        Callers.as(tenant).body("{\"machine_id\": \"m\"}").put("/v1/sensors/thresholds/" + id).then().statusCode(422);
        Callers.as(tenant).get("/v1/sensors/thresholds/" + id).then().body("machine_id", equalTo("press-7"));
        Callers.as(tenant).body(RULE).put("/v1/sensors/thresholds/no-such-rule").then().statusCode(404);
    }

    @Test
    void aTenantNeverSeesOrChangesAnotherTenantsRules() {
        String a = Callers.newTenant("thr-a");
        String b = Callers.newTenant("thr-b");
        String id = Callers.as(a).body(RULE).post("/v1/sensors/thresholds").then().statusCode(201).extract().path("id");
        Callers.as(b).get("/v1/sensors/thresholds").then().statusCode(200).body("count", equalTo(0));
        Callers.as(b).get("/v1/sensors/thresholds/" + id).then().statusCode(404);
        Callers.as(b).body(RULE).put("/v1/sensors/thresholds/" + id).then().statusCode(404);
        Callers.as(b).delete("/v1/sensors/thresholds/" + id).then().statusCode(404);
        Callers.as(a).get("/v1/sensors/thresholds/" + id).then().statusCode(200).body("machine_id", equalTo("press-7"));
    }

    @Test
    void aCallerWithoutCredentialsIsRefused() {
        given().get("/v1/sensors/thresholds").then().statusCode(401);
        given().body(RULE).post("/v1/sensors/thresholds").then().statusCode(401);
    }

    @Test
    void theDefaultTenantHasTheDemoRules() {
        Callers.as("default").get("/v1/sensors/thresholds/default-press-7-temperature-critical").then()
                .statusCode(200).body("threshold", equalTo(90.0f)).body("severity", equalTo("critical"));
    }
}
