package io.streamgate.ingest.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.streamgate.devstack.DevCredentials;
import io.streamgate.devstack.DevstackTestResource;
import io.streamgate.devstack.testing.TopicProbe;
import io.streamgate.platform.event.KafkaBinaryBinding;
import io.streamgate.platform.identity.Role;
import io.streamgate.platform.topic.Topics;

@QuarkusTest
@WithTestResource(value = DevstackTestResource.class, scope = TestResourceScope.GLOBAL)
class AuthenticationTest {

    private static final String ONE_AIRCRAFT = "{\"now\":1785349721.5,\"aircraft\":[{\"hex\":\"c0ffee\",\"lat\":1.0,"
            + "\"lon\":2.0}]}";

    @Test
    void aWriteWithoutACredentialIsRefusedWith401() {
        given().contentType("application/json").body(ONE_AIRCRAFT)
                .when().post("/v1/aircraft")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("detail", startsWith("a credential is required"));
    }

    @Test
    void anExpiredTokenIsRefused() {
        JwtClaims claims = DevCredentials.claims("default", "bob", Set.of(Role.USER), Duration.ofMinutes(5));
        claims.setExpirationTime(NumericDate.fromSeconds(System.currentTimeMillis() / 1000 - 120));
        post(DevCredentials.signWithDevKey(claims)).statusCode(401).body("detail", equalTo("token expired"));
    }

    @Test
    void aTokenFromAnotherIssuerIsRefused() {
        JwtClaims claims = DevCredentials.claims("default", "bob", Set.of(Role.USER), Duration.ofMinutes(5));
        claims.setIssuer("https://elsewhere.example");
        post(DevCredentials.signWithDevKey(claims)).statusCode(401)
                .body("detail", equalTo("token issuer not accepted"));
    }

    @Test
    void anUnsignedTokenIsRefused() {
        JwtClaims claims = DevCredentials.claims("default", "bob", Set.of(Role.SUPER_ADMIN), Duration.ofMinutes(5));
        String unsigned = b64("{\"alg\":\"none\"}") + "." + b64(claims.toJson()) + ".";
        post(unsigned).statusCode(401);
    }

    @Test
    void recordsCarryTheTenantOfTheCredential() {
        try (TopicProbe probe = new TopicProbe(bootstrapServers(), Topics.AIRCRAFT_POSITIONS.name())) {
            post(DevCredentials.tokenFor("acme", Role.USER)).statusCode(202);
            assertEquals("acme", KafkaBinaryBinding.read(probe.await(1, Duration.ofSeconds(30)).get(0).headers())
                    .tenant());
        }
    }

    @Test
    void anApiKeyWorksUntilItIsRevoked() {
        String admin = DevCredentials.tokenFor("acme", Role.TENANT_ADMIN);
        var created = given().auth().oauth2(admin).contentType("application/json")
                .body("{\"name\":\"feeder\",\"prefix\":\"sk_test_\"}")
                .when().post("/v1/admin/api-keys")
                .then().statusCode(201)
                .body("key", startsWith("sk_test_"))
                .body("tenant", equalTo("acme"))
                .body("roles", hasItem("user"))
                .extract();
        String key = created.path("key");
        String id = created.path("id");

        try (TopicProbe probe = new TopicProbe(bootstrapServers(), Topics.AIRCRAFT_POSITIONS.name())) {
            post(key).statusCode(202);
            assertEquals("acme", KafkaBinaryBinding.read(probe.await(1, Duration.ofSeconds(30)).get(0).headers())
                    .tenant());
        }
        String listing = given().auth().oauth2(admin).when().get("/v1/admin/api-keys")
                .then().statusCode(200).body("id", hasItem(id)).extract().asString();
        assertFalse(listing.contains(key), "a listing never shows the key itself");

        given().auth().oauth2(admin).when().delete("/v1/admin/api-keys/" + id).then().statusCode(204);
        post(key).statusCode(401).body("detail", equalTo("unknown or revoked API key"));
        given().auth().oauth2(admin).when().delete("/v1/admin/api-keys/" + id).then().statusCode(404);
    }

    @Test
    void onlyAnAdminOfTheTenantManagesItsKeys() {
        given().auth().oauth2(DevCredentials.tokenFor("acme", Role.USER)).contentType("application/json")
                .body("{\"name\":\"x\"}").when().post("/v1/admin/api-keys").then().statusCode(403);
        given().auth().oauth2(DevCredentials.tokenFor("acme", Role.TENANT_ADMIN)).contentType("application/json")
                .body("{\"name\":\"x\",\"tenant\":\"globex\"}").when().post("/v1/admin/api-keys")
                .then().statusCode(403);
        given().auth().oauth2(DevCredentials.tokenFor("acme", Role.TENANT_ADMIN)).contentType("application/json")
                .body("{\"name\":\"x\",\"roles\":[\"super_admin\"]}").when().post("/v1/admin/api-keys")
                .then().statusCode(403);
        given().auth().oauth2(DevCredentials.tokenFor("root", Role.SUPER_ADMIN)).contentType("application/json")
                .body("{\"name\":\"x\",\"tenant\":\"globex\"}").when().post("/v1/admin/api-keys")
                .then().statusCode(201).body("tenant", equalTo("globex")).body("key", not(equalTo(null)));
    }

    private static ValidatableResponse post(String token) {
        return given().auth().oauth2(token).contentType("application/json").body(ONE_AIRCRAFT)
                .when().post("/v1/aircraft").then();
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String bootstrapServers() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }
}
