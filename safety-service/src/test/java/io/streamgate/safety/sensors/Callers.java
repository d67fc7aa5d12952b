package io.streamgate.safety.sensors;

import static io.restassured.RestAssured.given;

import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.streamgate.devstack.DevCredentials;
import io.streamgate.platform.identity.Role;

/** Requests signed with the devstack's key, as a real user of a tenant sends them. */
public final class Callers {

    private Callers() {
    }

    public static RequestSpecification as(String tenant) {
        return given().auth().oauth2(DevCredentials.tokenFor(tenant, Role.USER)).contentType(ContentType.JSON);
    }

    /** A tenant no other test uses. */
    public static String newTenant(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
