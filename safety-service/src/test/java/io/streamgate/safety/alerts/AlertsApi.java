package io.streamgate.safety.alerts;

import static io.restassured.RestAssured.given;

import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.streamgate.devstack.DevCredentials;
import io.streamgate.platform.identity.Role;

/** Calls of the alerts API as a user of a tenant, signed with the devstack's key. */
final class AlertsApi {

    private AlertsApi() {
    }

    /** A tenant no other test uses, so its rules and alerts are the test's own. */
    static String newTenant() {
        return "alerts-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static RequestSpecification as(String tenant) {
        return given().auth().oauth2(DevCredentials.tokenFor(tenant, Role.USER)).contentType(ContentType.JSON);
    }

    /** Creates a rule and returns its id. */
    static String createRule(String tenant, String body) {
        return as(tenant).body(body).post("/v1/alerts/rules").then().statusCode(201).extract().path("id");
    }

    /** A rule with one condition ({@code "callsign": "UAL*"} …) and the given cooldown. */
    static String rule(String name, String condition, int cooldown) {
        return "{\"name\": \"" + name + "\", \"priority\": \"high\", \"cooldown\": " + cooldown
                + ", \"conditions\": {" + condition + "}}";
    }
}
