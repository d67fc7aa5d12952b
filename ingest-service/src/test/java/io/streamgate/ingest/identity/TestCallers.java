package io.streamgate.ingest.identity;

import static io.restassured.RestAssured.given;

import java.util.Arrays;

import io.restassured.specification.RequestSpecification;
import io.streamgate.devstack.DevCredentials;
import io.streamgate.platform.identity.Role;

/** Requests signed with the devstack's key, as a real client of a given tenant and roles would send them. */
public final class TestCallers {

    private TestCallers() {
    }

    /** A plain user of the {@code default} tenant. */
    public static RequestSpecification api() {
        return as("default", "user");
    }

    /** @param roles wire names ({@code user}, {@code tenant_admin}, {@code super_admin}) */
    public static RequestSpecification as(String tenant, String... roles) {
        Role[] parsed = Arrays.stream(roles).map(name -> Role.fromWireName(name).orElseThrow()).toArray(Role[]::new);
        return given().auth().oauth2(DevCredentials.tokenFor(tenant, parsed));
    }
}
