package io.streamgate.safety.geofences;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.streamgate.devstack.DevstackTestResource;
import io.streamgate.safety.sensors.Callers;

@QuarkusTest
@WithTestResource(value = DevstackTestResource.class, scope = TestResourceScope.GLOBAL)
class GeofencesResourceTest {

    static final String CIRCLE = """
            {"name": "Depot", "center": {"latitude": 47.3769, "longitude": 8.5417}, "radius_m": 250,
             "metadata": {"zone": "north"}}""";
    static final String POLYGON = """
            {"name": "Downtown Delivery Zone", "active": true, "geometry": {"type": "Polygon", "coordinates":
              [[[8.5363, 47.3754], [8.5443, 47.3754], [8.5443, 47.3804], [8.5363, 47.3804], [8.5363, 47.3754]]]}}""";

    @Test
    void aCircleIsCreatedReadListedReplacedAndDeleted() {
        String tenant = Callers.newTenant("geo");
        ExtractableResponse<Response> created = Callers.as(tenant).body(CIRCLE).post("/v1/geofences").then()
                .statusCode(201).body("name", equalTo("Depot")).body("active", equalTo(true))
                .body("center.latitude", equalTo(47.3769f)).body("radius_m", equalTo(250.0f))
                .body("metadata.zone", equalTo("north")).body("geometry", nullValue()).extract();
        String id = created.path("id");
        assertTrue(created.header("Location").endsWith("/v1/geofences/" + id));
        Callers.as(tenant).get("/v1/geofences/" + id).then().statusCode(200).body("id", equalTo(id));
        Callers.as(tenant).body(POLYGON).put("/v1/geofences/" + id).then().statusCode(200).body("id", equalTo(id))
                .body("geometry.type", equalTo("Polygon")).body("center", nullValue())
                .body("name", equalTo("Downtown Delivery Zone"));
        Callers.as(tenant).get("/v1/geofences").then().statusCode(200).body("count", equalTo(1))
                .body("geofences.id", containsInAnyOrder(id));
        Callers.as(tenant).delete("/v1/geofences/" + id).then().statusCode(204);
        Callers.as(tenant).get("/v1/geofences/" + id).then().statusCode(404).contentType("application/problem+json");
        Callers.as(tenant).delete("/v1/geofences/" + id).then().statusCode(404);
    }

    @Test
    void aPolygonKeepsItsRingAndCanBeDeactivated() {
        String tenant = Callers.newTenant("geo");
        String id = Callers.as(tenant).body(POLYGON).post("/v1/geofences").then().statusCode(201)
                .body("geometry.coordinates[0].size()", equalTo(5)).extract().path("id");
        Callers.as(tenant).body(POLYGON.replace("\"active\": true", "\"active\": false")).put("/v1/geofences/" + id)
                .then().statusCode(200).body("active", equalTo(false));
    }

    @Test
    void badGeometriesAreRefusedNamingTheField() {
        String tenant = Callers.newTenant("geo");
        invalid(tenant, """
                {"name": "open", "geometry": {"type": "Polygon", "coordinates":
                  [[[8.5, 47.3], [8.6, 47.3], [8.6, 47.4], [8.5, 47.4]]]}}""", "/geometry/coordinates/0");
        invalid(tenant, """
                {"name": "too few", "geometry": {"type": "Polygon", "coordinates": [[[8.5, 47.3], [8.6, 47.3], [8.5, 47.3]]]}}""",
                "/geometry/coordinates/0");
        invalid(tenant, """
                {"name": "bad lon", "geometry": {"type": "Polygon", "coordinates":
                  [[[8.5, 47.3], [181, 47.3], [8.6, 47.4], [8.5, 47.3]]]}}""", "/geometry/coordinates/0/1/0");
        invalid(tenant, """
                {"name": "bad lat", "geometry": {"type": "Polygon", "coordinates":
                  [[[8.5, 47.3], [8.6, 95], [8.6, 47.4], [8.5, 47.3]]]}}""", "/geometry/coordinates/0/1/1");
        invalid(tenant, """
                {"name": "point", "geometry": {"type": "Point", "coordinates": [[[8.5, 47.3], [8.6, 47.3], [8.6, 47.4], [8.5, 47.3]]]}}""",
                "/geometry/type");
        invalid(tenant, """
                {"name": "both", "center": {"latitude": 47, "longitude": 8}, "radius_m": 10,
                 "geometry": {"type": "Polygon", "coordinates": [[[8.5, 47.3], [8.6, 47.3], [8.6, 47.4], [8.5, 47.3]]]}}""",
                "/geometry");
        invalid(tenant, "{\"name\": \"neither\"}", "/geometry");
        invalid(tenant, """
                {"center": {"latitude": 91, "longitude": 8}, "radius_m": -5}""", "/name", "/center/latitude",
                "/radius_m");
        invalid(tenant, CIRCLE.replace("\"metadata\": {\"zone\": \"north\"}", "\"metadata\": [1]"), "/metadata");
        StringBuilder ring = new StringBuilder("[8.5, 47.3]");
        for (int i = 1; i < 1001; i++) {
            ring.append(", [").append(8.5 + i * 1e-5).append(", 47.3]");
        }
        ring.append(", [8.5, 47.3]");
        invalid(tenant, "{\"name\": \"huge\", \"geometry\": {\"type\": \"Polygon\", \"coordinates\": [[" + ring + "]]}}",
                "/geometry/coordinates/0");
        Callers.as(tenant).get("/v1/geofences").then().body("count", equalTo(0));
    }

    private static void invalid(String tenant, String body, String... pointers) {
        var response = Callers.as(tenant).body(body).post("/v1/geofences").then().statusCode(422)
                .contentType("application/problem+json");
        for (String pointer : pointers) {
            response.body("errors.pointer", hasItem(pointer));
        }
    }

    @Test
    void aTenantNeverSeesOrChangesAnotherTenantsFences() {
        String a = Callers.newTenant("geo-a");
        String b = Callers.newTenant("geo-b");
        String id = Callers.as(a).body(CIRCLE).post("/v1/geofences").then().statusCode(201).extract().path("id");
        Callers.as(b).get("/v1/geofences").then().body("count", equalTo(0));
        Callers.as(b).get("/v1/geofences/" + id).then().statusCode(404);
        Callers.as(b).body(POLYGON).put("/v1/geofences/" + id).then().statusCode(404);
        Callers.as(b).delete("/v1/geofences/" + id).then().statusCode(404);
        Callers.as(a).get("/v1/geofences/" + id).then().statusCode(200).body("name", equalTo("Depot"));
    }

    @Test
    void aCallerWithoutCredentialsIsRefused() {
        given().get("/v1/geofences").then().statusCode(401);
    }

    @Test
    void theDefaultTenantHasTheDevstackFences() {
        Callers.as("default").get("/v1/geofences/zurich-hb").then().statusCode(200)
                .body("name", equalTo("Zürich Hauptbahnhof")).body("geometry.type", equalTo("Polygon"));
    }
}
