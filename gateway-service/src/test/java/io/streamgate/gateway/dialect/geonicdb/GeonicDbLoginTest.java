package io.streamgate.gateway.dialect.geonicdb;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.streamgate.devstack.DevstackTestResource;
import io.streamgate.devstack.testing.WebSocketProbe;
import io.streamgate.platform.identity.Passwords;
import io.streamgate.platform.identity.RedisUserStore;
import io.streamgate.platform.identity.Role;
import io.streamgate.platform.identity.UserRecord;

/**
 * GeonicDB's {@code POST /auth/login} against the real Redis, as the seed's authenticated example uses it:
 * the {@code accessToken} it answers opens the tenant's WebSocket.
 */
@QuarkusTest
@WithTestResource(value = DevstackTestResource.class, scope = TestResourceScope.GLOBAL)
class GeonicDbLoginTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final AtomicInteger TENANTS = new AtomicInteger();
    private static final String PASSWORD = "correct horse battery";

    @Inject
    RedisUserStore users;

    @TestHTTPResource("/")
    URI root;

    @Test
    void theRightPasswordAnswersATokenThatOpensTheTenantsWebSocket() {
        String tenant = userTenant();
        String token = login(tenant, "{\"username\": \"alice\", \"password\": \"" + PASSWORD + "\"}")
                .statusCode(200).contentType("application/json")
                .body("tokenType", equalTo("Bearer")).body("expiresIn", greaterThan(0))
                .body("refreshToken", org.hamcrest.Matchers.notNullValue())
                .extract().path("accessToken");
        try (EntityChanges writer = new EntityChanges();
                WebSocketProbe client = WebSocketProbe.connect(ws(tenant), List.of("access_token", token))) {
            client.send("{\"action\":\"ping\"}");
            assertEquals("pong", GeonicDbStreamTest.json(client.next(WAIT)).path("type").asText());
            writer.sendAndFlush(EntityChanges.created(tenant, "/", "urn:ngsi-ld:Room:001", "Room", 22));
            assertEquals("entityCreated", GeonicDbStreamTest.json(client.next(WAIT)).path("type").asText());
        }
        try (WebSocketProbe other = WebSocketProbe.connect(ws("elsewhere"),
                Map.of("Authorization", "Bearer " + token))) {
            assertEquals(1008, other.awaitClose(WAIT), "a user token opens its own tenant only");
        }
    }

    @Test
    void theEmailLogsInAsWellInAnyLetterCaseAsTheSeedsLoginDoes() {
        String tenant = userTenant();
        login(tenant, "{\"email\": \"Alice@Example.com\", \"password\": \"" + PASSWORD + "\"}").statusCode(200);
        // The seed's login() sends the e-mail in the username field.
        login(tenant, "{\"username\": \"alice@example.com\", \"password\": \"" + PASSWORD + "\"}").statusCode(200);
    }

    @Test
    void aWrongPasswordAnUnknownUserAndAnUnknownTenantAnswerTheSame401() {
        String tenant = userTenant();
        for (String[] attempt : List.of(new String[] { tenant, "alice", "wrong password" },
                new String[] { tenant, "bob", PASSWORD }, new String[] { "nosuchtenant", "alice", PASSWORD })) {
            login(attempt[0], "{\"username\": \"" + attempt[1] + "\", \"password\": \"" + attempt[2] + "\"}")
                    .statusCode(401).contentType("application/problem+json")
                    .body("error", equalTo("Unauthorized")).body("description", equalTo("Invalid username or password"))
                    .body("accessToken", nullValue());
        }
    }

    @Test
    void aRequestWithoutTenantOrCredentialsIsABadRequest() {
        given().contentType("application/json").body("{\"username\": \"alice\", \"password\": \"x\"}")
                .post("/auth/login").then().statusCode(400).body("error", equalTo("BadRequest"));
        login(userTenant(), "{\"username\": \"alice\"}").statusCode(400).body("error", equalTo("BadRequest"));
        login(userTenant(), "{\"username\": ").statusCode(400).body("error", equalTo("ParseError"));
    }

    @Test
    void theStoreKeepsABcryptHashNotThePassword() throws Exception {
        String tenant = userTenant();
        UserRecord stored = users.find(tenant, "alice").toCompletableFuture().get().orElseThrow();
        assertTrue(stored.passwordHash().startsWith("$2"), "a BCrypt hash");
        assertTrue(!stored.passwordHash().contains(PASSWORD));
    }

    /** A fresh tenant with user alice (alice@example.com), role user. */
    private String userTenant() {
        String tenant = "login" + TENANTS.incrementAndGet() + "_" + System.nanoTime() % 100000;
        // Cost 4, BCrypt's least, keeps the tests fast; the hash format and check are the same.
        UserRecord user = new UserRecord(tenant, "alice", "alice@example.com", new Passwords(4).hash(PASSWORD),
                EnumSet.of(Role.USER), Instant.now());
        assertTrue(users.create(user).toCompletableFuture().join());
        return tenant;
    }

    private static ValidatableResponse login(String tenant, String body) {
        return given().contentType("application/json").header("Fiware-Service", tenant).body(body)
                .post("/auth/login").then();
    }

    private URI ws(String tenant) {
        String base = root.toString().replaceFirst("^http", "ws");
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "?tenant=" + tenant);
    }
}
