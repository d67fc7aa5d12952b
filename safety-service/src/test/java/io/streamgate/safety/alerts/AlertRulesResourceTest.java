package io.streamgate.safety.alerts;

import static io.restassured.RestAssured.given;
import static io.streamgate.safety.alerts.AlertsApi.as;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.streamgate.devstack.DevstackTestResource;

/** The rules API on the real Redis: CRUD, every refusal, and tenant isolation. */
@QuarkusTest
@WithTestResource(value = DevstackTestResource.class, scope = TestResourceScope.GLOBAL)
class AlertRulesResourceTest {

    private static final String VALID = """
            {"name": "Low and slow", "conditions": {"altitude": {"max": 1000}, "speed": {"max": 120}}}""";

    @Test
    void aRuleIsCreatedReadReplacedAndDeleted() {
        String tenant = AlertsApi.newTenant();
        ValidatableResponse created = as(tenant).body(VALID).post("/v1/alerts/rules").then().statusCode(201)
                .body("name", equalTo("Low and slow"))
                .body("enabled", equalTo(true))
                .body("priority", equalTo("medium"))
                .body("cooldown", equalTo(300))
                .body("owner", equalTo("test-" + tenant))
                .body("conditions.altitude.max", equalTo(1000.0f))
                .body("conditions.speed.max", equalTo(120.0f))
                .body("created_at", notNullValue());
        String id = created.extract().path("id");
        created.header("Location", endsWith("/v1/alerts/rules/" + id));

        as(tenant).get("/v1/alerts/rules/" + id).then().statusCode(200).body("id", equalTo(id))
                .body("name", equalTo("Low and slow"));
        as(tenant).get("/v1/alerts/rules").then().statusCode(200).body("id", hasItem(id));

        as(tenant).body("""
                {"name": "Military overhead", "enabled": false, "priority": "critical", "cooldown": 60,
                 "conditions": {"military": true, "distance": {"lat": 51.47, "lon": -0.45, "max_nm": 20},
                                "callsign": "RRR*", "squawk": ["7700"], "category": ["a5"],
                                "hex": "43c*", "registration": "ZZ*"}}""")
                .put("/v1/alerts/rules/" + id).then().statusCode(200)
                .body("id", equalTo(id))
                .body("name", equalTo("Military overhead"))
                .body("enabled", equalTo(false))
                .body("priority", equalTo("critical"))
                .body("cooldown", equalTo(60))
                .body("owner", equalTo("test-" + tenant))
                .body("conditions.altitude", equalTo(null))
                .body("conditions.military", equalTo(true))
                .body("conditions.distance.max_nm", equalTo(20.0f))
                .body("conditions.category", equalTo(List.of("A5")));
        as(tenant).get("/v1/alerts/rules/" + id).then().statusCode(200).body("name", equalTo("Military overhead"))
                .body("enabled", equalTo(false));

        as(tenant).delete("/v1/alerts/rules/" + id).then().statusCode(204);
        as(tenant).get("/v1/alerts/rules/" + id).then().statusCode(404)
                .contentType("application/problem+json");
        as(tenant).delete("/v1/alerts/rules/" + id).then().statusCode(404);
        as(tenant).body(VALID).put("/v1/alerts/rules/" + id).then().statusCode(404);
        as(tenant).get("/v1/alerts/rules").then().statusCode(200).body("$", empty());
    }

    @Test
    void anotherTenantCanNeitherSeeNorChangeARule() {
        String owner = AlertsApi.newTenant();
        String other = AlertsApi.newTenant();
        String id = AlertsApi.createRule(owner, VALID);

        as(other).get("/v1/alerts/rules/" + id).then().statusCode(404);
        as(other).get("/v1/alerts/rules").then().statusCode(200).body("id", not(hasItem(id)));
        as(other).body(AlertsApi.rule("hijack", "\"military\": true", 60)).put("/v1/alerts/rules/" + id).then()
                .statusCode(404);
        as(other).delete("/v1/alerts/rules/" + id).then().statusCode(404);

        as(owner).get("/v1/alerts/rules/" + id).then().statusCode(200).body("name", equalTo("Low and slow"));
    }

    @Test
    void everyEndpointNeedsACredential() {
        given().contentType(ContentType.JSON).body(VALID).post("/v1/alerts/rules").then().statusCode(401);
        given().get("/v1/alerts/rules").then().statusCode(401);
        given().get("/v1/alerts/rules/x").then().statusCode(401);
        given().contentType(ContentType.JSON).body(VALID).put("/v1/alerts/rules/x").then().statusCode(401);
        given().delete("/v1/alerts/rules/x").then().statusCode(401);
        given().get("/v1/alerts").then().statusCode(401);
        given().post("/v1/alerts/1/acknowledge").then().statusCode(401);
        given().post("/v1/alerts/acknowledge-all").then().statusCode(401);
        given().auth().oauth2("not-a-token").get("/v1/alerts/rules").then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void aBodyThatIsNotJsonIsA400() {
        as(AlertsApi.newTenant()).body("{\"name\": ").post("/v1/alerts/rules").then().statusCode(400)
                .contentType("application/problem+json");
    }

    static Stream<Arguments> invalidRules() {
        String many = "[" + String.join(",", java.util.Collections.nCopies(51, "\"7700\"")) + "]";
        return Stream.of(
                Arguments.of("[]", List.of("")),
                Arguments.of("{\"conditions\": {\"military\": true}}", List.of("/name")),
                Arguments.of("{\"name\": \" \", \"conditions\": {\"military\": true}}", List.of("/name")),
                Arguments.of("{\"name\": 5, \"conditions\": {\"military\": true}}", List.of("/name")),
                Arguments.of("{\"name\": \"" + "n".repeat(101) + "\", \"conditions\": {\"military\": true}}",
                        List.of("/name")),
                Arguments.of(body("\"enabled\": \"yes\"", "\"military\": true"), List.of("/enabled")),
                Arguments.of(body("\"priority\": \"urgent\"", "\"military\": true"), List.of("/priority")),
                Arguments.of(body("\"cooldown\": 0", "\"military\": true"), List.of("/cooldown")),
                Arguments.of(body("\"cooldown\": 86401", "\"military\": true"), List.of("/cooldown")),
                Arguments.of(body("\"cooldown\": 1.5", "\"military\": true"), List.of("/cooldown")),
                Arguments.of(body("\"cooldown\": \"300\"", "\"military\": true"), List.of("/cooldown")),
                Arguments.of(body("\"colour\": \"red\"", "\"military\": true"), List.of("/colour")),
                Arguments.of("{\"name\": \"n\"}", List.of("/conditions")),
                Arguments.of("{\"name\": \"n\", \"conditions\": []}", List.of("/conditions")),
                Arguments.of(body(null, ""), List.of("/conditions")),
                Arguments.of(body(null, "\"military\": null"), List.of("/conditions")),
                Arguments.of(body(null, "\"military\": true, \"altitud\": {\"max\": 1}"),
                        List.of("/conditions/altitud")),
                Arguments.of(body(null, "\"altitude\": \"low\""), List.of("/conditions/altitude")),
                Arguments.of(body(null, "\"altitude\": {}"), List.of("/conditions/altitude")),
                Arguments.of(body(null, "\"altitude\": {\"min\": 2000, \"max\": 1000}"),
                        List.of("/conditions/altitude")),
                Arguments.of(body(null, "\"altitude\": {\"min\": \"a\"}"), List.of("/conditions/altitude/min")),
                Arguments.of(body(null, "\"altitude\": {\"max\": 200000}"), List.of("/conditions/altitude/max")),
                Arguments.of(body(null, "\"altitude\": {\"max\": 1, \"unit\": \"m\"}"),
                        List.of("/conditions/altitude/unit")),
                Arguments.of(body(null, "\"speed\": {\"min\": -1}"), List.of("/conditions/speed/min")),
                Arguments.of(body(null, "\"speed\": {\"min\": 300, \"max\": 200}"), List.of("/conditions/speed")),
                Arguments.of(body(null, "\"squawk\": []"), List.of("/conditions/squawk")),
                Arguments.of(body(null, "\"squawk\": \"7700\""), List.of("/conditions/squawk")),
                Arguments.of(body(null, "\"squawk\": [\"7700\", \"7800\", 7500]"),
                        List.of("/conditions/squawk/1", "/conditions/squawk/2")),
                Arguments.of(body(null, "\"squawk\": " + many), List.of("/conditions/squawk")),
                Arguments.of(body(null, "\"category\": [\"E1\"]"), List.of("/conditions/category/0")),
                Arguments.of(body(null, "\"callsign\": \"\""), List.of("/conditions/callsign")),
                Arguments.of(body(null, "\"callsign\": \"UA[L]\""), List.of("/conditions/callsign")),
                Arguments.of(body(null, "\"callsign\": \"(a+)+$\""), List.of("/conditions/callsign")),
                Arguments.of(body(null, "\"callsign\": \"" + "A".repeat(33) + "\""), List.of("/conditions/callsign")),
                Arguments.of(body(null, "\"callsign\": 5"), List.of("/conditions/callsign")),
                Arguments.of(body(null, "\"hex\": \"a.b\""), List.of("/conditions/hex")),
                Arguments.of(body(null, "\"registration\": \"N1 2\""), List.of("/conditions/registration")),
                Arguments.of(body(null, "\"military\": \"true\""), List.of("/conditions/military")),
                Arguments.of(body(null, "\"distance\": \"near\""), List.of("/conditions/distance")),
                Arguments.of(body(null, "\"distance\": {\"lat\": 91, \"lon\": 0, \"max_nm\": 5}"),
                        List.of("/conditions/distance/lat")),
                Arguments.of(body(null, "\"distance\": {\"lat\": 0, \"lon\": 181, \"max_nm\": 5}"),
                        List.of("/conditions/distance/lon")),
                Arguments.of(body(null, "\"distance\": {\"lat\": 0, \"lon\": 0}"),
                        List.of("/conditions/distance/max_nm")),
                Arguments.of(body(null, "\"distance\": {\"lat\": 0, \"lon\": 0, \"max_nm\": 0}"),
                        List.of("/conditions/distance/max_nm")),
                Arguments.of(body(null, "\"distance\": {\"lat\": 0, \"lon\": 0, \"max_nm\": 501}"),
                        List.of("/conditions/distance/max_nm")),
                Arguments.of("{\"priority\": \"p\", \"conditions\": {\"squawk\": [\"x\"], \"speed\": {\"max\": \"f\"}}}",
                        List.of("/name", "/priority", "/conditions/squawk/0", "/conditions/speed/max")));
    }

    @ParameterizedTest
    @MethodSource("invalidRules")
    void anInvalidRuleIsRefusedNamingEachBadField(String body, List<String> pointers) {
        String tenant = AlertsApi.newTenant();
        as(tenant).body(body).post("/v1/alerts/rules").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.pointer", containsInAnyOrder(pointers.toArray()));
        String id = AlertsApi.createRule(tenant, VALID);
        as(tenant).body(body).put("/v1/alerts/rules/" + id).then().statusCode(422)
                .body("errors.pointer", containsInAnyOrder(pointers.toArray()));
        as(tenant).get("/v1/alerts/rules").then().body("name", equalTo(List.of("Low and slow")));
    }

    @Test
    void aTenantHasAtMostMaxPerTenantRules() {
        String tenant = AlertsApi.newTenant();
        for (int i = 0; i < 100; i++) {
            AlertsApi.createRule(tenant, VALID);
        }
        as(tenant).body(VALID).post("/v1/alerts/rules").then().statusCode(409)
                .contentType("application/problem+json");
        List<String> ids = as(tenant).get("/v1/alerts/rules").then().statusCode(200).extract().path("id");
        assertEquals(100, ids.size());
        as(tenant).delete("/v1/alerts/rules/" + ids.get(0)).then().statusCode(204);
        as(tenant).body(VALID).post("/v1/alerts/rules").then().statusCode(201);
        as(AlertsApi.newTenant()).body(VALID).post("/v1/alerts/rules").then().statusCode(201);
    }

    private static String body(String extra, String conditions) {
        return "{\"name\": \"n\"" + (extra == null ? "" : ", " + extra) + ", \"conditions\": {" + conditions + "}}";
    }
}
