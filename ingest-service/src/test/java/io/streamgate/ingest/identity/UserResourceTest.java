package io.streamgate.ingest.identity;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.streamgate.devstack.DevstackTestResource;
import io.streamgate.platform.identity.Passwords;
import io.streamgate.platform.identity.RedisUserStore;
import io.streamgate.platform.identity.UserRecord;

/** Password users for GeonicDB's login, created by admins and stored as BCrypt hashes in the real Redis. */
@QuarkusTest
@WithTestResource(value = DevstackTestResource.class, scope = TestResourceScope.GLOBAL)
class UserResourceTest {

    private static final AtomicInteger TENANTS = new AtomicInteger();

    @Inject
    RedisUserStore users;

    @Test
    void aTenantAdminCreatesAUserWhoseStoredPasswordIsABcryptHash() throws Exception {
        String tenant = tenant();
        TestCallers.as(tenant, "tenant_admin").contentType("application/json")
                .body("{\"username\": \"alice\", \"email\": \"alice@example.com\", \"password\": \"s3cret-pass\"}")
                .post("/v1/admin/users").then().statusCode(201)
                .body("username", equalTo("alice")).body("tenant", equalTo(tenant)).body("roles", hasItem("user"))
                .body("password", nullValue()).body("password_hash", nullValue());
        UserRecord stored = users.find(tenant, "ALICE@example.com").toCompletableFuture().get().orElseThrow();
        assertTrue(stored.passwordHash().startsWith("$2a$10$"), "BCrypt at the configured cost");
        assertTrue(new Passwords(10).matches("s3cret-pass", stored.passwordHash()));
        assertFalse(new Passwords(10).matches("s3cret-pasS", stored.passwordHash()));
    }

    @Test
    void aTakenNameOrEmailIsAConflict() {
        String tenant = tenant();
        create(tenant, "{\"username\": \"bob\", \"email\": \"bob@example.com\", \"password\": \"long enough\"}")
                .statusCode(201);
        create(tenant, "{\"username\": \"bob\", \"password\": \"long enough\"}").statusCode(409);
        create(tenant, "{\"username\": \"robert\", \"email\": \"BOB@example.com\", \"password\": \"long enough\"}")
                .statusCode(409);
    }

    @Test
    void badFieldsAreNamedAndOtherTenantsAreForbidden() {
        String tenant = tenant();
        create(tenant, "{\"username\": \"a b\", \"email\": \"nope\", \"password\": \"short\"}").statusCode(422)
                .body("errors.pointer", equalTo(java.util.List.of("/username", "/email", "/password")));
        TestCallers.as(tenant, "tenant_admin").contentType("application/json")
                .body("{\"username\": \"eve\", \"password\": \"long enough\", \"tenant\": \"other\"}")
                .post("/v1/admin/users").then().statusCode(403);
        TestCallers.as(tenant, "user").contentType("application/json")
                .body("{\"username\": \"eve\", \"password\": \"long enough\"}")
                .post("/v1/admin/users").then().statusCode(403);
        create(tenant, "{\"username\": \"eve\", \"password\": \"long enough\", \"roles\": [\"super_admin\"]}")
                .statusCode(403);
    }

    private static io.restassured.response.ValidatableResponse create(String tenant, String body) {
        return TestCallers.as(tenant, "tenant_admin").contentType("application/json").body(body)
                .post("/v1/admin/users").then();
    }

    private static String tenant() {
        return "users" + TENANTS.incrementAndGet() + "_" + System.nanoTime() % 100000;
    }
}
