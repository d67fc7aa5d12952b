package io.streamgate.gateway.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.HmacKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.streamgate.devstack.DevCredentials;
import io.streamgate.devstack.DevstackTestResource;
import io.streamgate.devstack.testing.SseProbe;
import io.streamgate.devstack.testing.UpgradeRequest;
import io.streamgate.devstack.testing.WebSocketProbe;
import io.streamgate.platform.identity.ApiKeyRecord;
import io.streamgate.platform.identity.ApiKeys;
import io.streamgate.platform.identity.Pem;
import io.streamgate.platform.identity.RedisApiKeyStore;
import io.streamgate.platform.identity.Role;
import io.streamgate.platform.json.Json;
import io.vertx.redis.client.Redis;

/**
 * Issue 21's auth attack matrix: every dialect × both transports × every way of presenting a credential
 * that must not work, each answered with the refusal that dialect documents (docs/dialects/*.md), next to
 * the valid credential the same target admits (so a refusal cannot be a target that is simply broken).
 * Then the whole run's log is searched for every credential it presented.
 */
@QuarkusTest
@TestProfile(SecurityProfile.class)
@WithTestResource(value = DevstackTestResource.class, scope = TestResourceScope.GLOBAL)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuthAttackMatrixTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String TENANT = "matrix" + ProcessHandle.current().pid();
    /** Every credential this class presented, valid or not: none may appear in a log line. */
    private static final Set<String> PRESENTED = ConcurrentHashMap.newKeySet();
    private static final KeyPair STRANGER = rsa();
    private static CapturedLog log;

    @TestHTTPResource("/")
    URI root;

    @Inject
    Redis redis;

    @BeforeAll
    static void captureTheLog() {
        log = CapturedLog.attach();
    }

    @AfterAll
    static void releaseTheLog() {
        log.detach();
    }

    /** How a credential is wrong; {@link #VALID} is the control every target must admit. */
    enum Attack {
        VALID, NO_TOKEN, EXPIRED, NOT_YET_VALID, ISSUED_IN_THE_FUTURE, WRONG_ISSUER, WRONG_AUDIENCE, ALG_NONE,
        HS256_WITH_THE_PUBLIC_KEY, KEY_ID_NOT_OURS, REVOKED_API_KEY
    }

    /** What a client sees when refused. */
    sealed interface Refusal {
    }

    /** The WebSocket opens, then closes with this code. */
    record Closed(int code) implements Refusal {
    }

    /** The upgrade or the SSE request is answered with this status and a problem document. */
    record Status(int status) implements Refusal {
    }

    /** The SSE stream opens (200) and its first event is {@code close} with this code (GeonicDB, no token). */
    record StreamClosed(int code) implements Refusal {
    }

    /** One dialect's endpoint on one transport, and the refusals its documentation promises. */
    enum Target {
        SKYSPY_WS("/ws/alerts/", new Closed(4001), new Closed(4001)),
        SKYSPY_SSE("/sse/alerts/", new Status(401), new Status(401)),
        SPATIALFLOW_WS("/ws/dashboard/events/", new Closed(4001), new Closed(4001)),
        SPATIALFLOW_SSE("/sse/dashboard/events/", new Status(401), new Status(401)),
        // The token is the first message; without one, the first-message timeout closes with 4002.
        HALTLESS_WS("/api/v1/ws/dashboard", new Closed(4002), new Closed(4001)),
        HALTLESS_SSE("/api/v1/sse/dashboard", new Status(401), new Status(401)),
        // Checked before the upgrade: an HTTP answer any client library reports.
        SPOOLED_WS("/api/v1/ws", new Status(401), new Status(401)),
        SPOOLED_SSE("/api/v1/events", new Status(401), new Status(401)),
        GEONICDB_WS("/?tenant=" + TENANT, new Closed(1008), new Closed(1008)),
        // Anonymous clients pass the transport (GeonicDB's auth switch is the channel's): its stream ends 1008.
        GEONICDB_SSE("/sse/entities?tenant=" + TENANT, new StreamClosed(1008), new Status(401));

        final String path;
        final Refusal withoutCredential;
        final Refusal badCredential;

        Target(String path, Refusal withoutCredential, Refusal badCredential) {
            this.path = path;
            this.withoutCredential = withoutCredential;
            this.badCredential = badCredential;
        }

        boolean sse() {
            return name().endsWith("_SSE");
        }

        Refusal expected(Attack attack) {
            return attack == Attack.NO_TOKEN ? withoutCredential : badCredential;
        }
    }

    static Stream<Arguments> matrix() {
        List<Arguments> cases = new ArrayList<>();
        for (Target target : Target.values()) {
            for (Attack attack : Attack.values()) {
                cases.add(Arguments.of(target, attack));
            }
        }
        return cases.stream();
    }

    @Order(1)
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("matrix")
    void everyBadCredentialGetsTheDialectsDocumentedRefusal(Target target, Attack attack) throws Exception {
        String credential = credential(attack);
        if (credential != null) {
            PRESENTED.add(credential);
        }
        if (attack == Attack.VALID) {
            assertAdmitted(target, credential);
        } else {
            assertEquals(target.expected(attack), refusal(target, credential), target + " " + attack);
        }
    }

    @Order(2)
    @Test
    void aKeyTheOidcIssuerRotatedToIsAcceptedWithoutARestartAndTheRetiredOneIsNot() throws Exception {
        JsonNode first = rotate();
        String before = signed(first, claims(TENANT));
        PRESENTED.add(before);
        assertAdmitted(Target.SKYSPY_WS, before);

        JsonNode second = rotate();
        String after = signed(second, claims(TENANT));
        PRESENTED.add(after);
        assertAdmitted(Target.SKYSPY_WS, after);
        assertAdmitted(Target.SPOOLED_SSE, after);

        String retired = signed(first, claims(TENANT));
        PRESENTED.add(retired);
        assertEquals(new Closed(4001), refusal(Target.SKYSPY_WS, retired), "the issuer no longer publishes it");
    }

    @Order(3)
    @Test
    void anotherTenantsTokenCannotOpenAGeonicDbTenant() throws Exception {
        String stranger = DevCredentials.signWithDevKey(claims("other" + TENANT));
        PRESENTED.add(stranger);
        assertEquals(new Closed(1008), refusal(Target.GEONICDB_WS, stranger));
    }

    @Order(4)
    @Test
    void aForeignBrowserOriginIsRefusedBeforeTheUpgradeOnEveryDialect() {
        String token = DevCredentials.signWithDevKey(claims(TENANT));
        PRESENTED.add(token);
        for (Target target : Target.values()) {
            if (target.sse()) {
                continue;
            }
            UpgradeRequest foreign = UpgradeRequest.send(ws(target.path), Map.of("Origin", "https://evil.example",
                    "Authorization", "Bearer " + token));
            assertEquals(403, foreign.status(), target + " from a foreign origin");
            UpgradeRequest allowed = UpgradeRequest.send(ws(target.path), Map.of("Origin",
                    SecurityProfile.ALLOWED_ORIGIN, "Authorization", "Bearer " + token));
            assertEquals(101, allowed.status(), target + " from the allowed origin");
        }
    }

    /** Last: the log of everything above — admissions, refusals, closes, JWKS fetches — holds no credential. */
    @Order(5)
    @Test
    void noLogLineHoldsATokenOrAnApiKey() {
        List<String> lines = log.lines();
        assertTrue(lines.size() > 0, "the log was captured");
        assertTrue(PRESENTED.size() >= Attack.values().length, "the credentials were recorded");
        for (String credential : PRESENTED) {
            // The whole credential, and its secret part alone (a JWT's signature, an API key's random body).
            String secretPart = credential.contains(".") ? credential.substring(credential.lastIndexOf('.') + 1)
                    : credential.substring(credential.indexOf('_', 3) + 1);
            for (String line : lines) {
                assertFalse(line.contains(credential), "a credential was logged: " + line);
                if (secretPart.length() >= 16) {
                    assertFalse(line.contains(secretPart), "part of a credential was logged: " + line);
                }
            }
        }
    }

    // ----------------------------------------------------------------------------------------------------

    private String credential(Attack attack) throws Exception {
        return switch (attack) {
            case VALID -> DevCredentials.signWithDevKey(claims(TENANT));
            case NO_TOKEN -> null;
            case EXPIRED -> {
                JwtClaims claims = claims(TENANT);
                claims.setIssuedAt(NumericDate.fromSeconds(now() - 600));
                claims.setExpirationTime(NumericDate.fromSeconds(now() - 120));
                yield DevCredentials.signWithDevKey(claims);
            }
            case NOT_YET_VALID -> {
                JwtClaims claims = claims(TENANT);
                claims.setNotBefore(NumericDate.fromSeconds(now() + 600));
                yield DevCredentials.signWithDevKey(claims);
            }
            case ISSUED_IN_THE_FUTURE -> {
                JwtClaims claims = claims(TENANT);
                claims.setIssuedAt(NumericDate.fromSeconds(now() + 600));
                yield DevCredentials.signWithDevKey(claims);
            }
            case WRONG_ISSUER -> {
                JwtClaims claims = claims(TENANT);
                claims.setIssuer("https://elsewhere.example");
                yield DevCredentials.signWithDevKey(claims);
            }
            case WRONG_AUDIENCE -> {
                JwtClaims claims = claims(TENANT);
                claims.setAudience("another-service");
                yield DevCredentials.signWithDevKey(claims);
            }
            case ALG_NONE -> {
                JwtClaims claims = claims(TENANT);
                claims.setStringListClaim("roles", List.of(Role.SUPER_ADMIN.wireName()));
                yield b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + b64(claims.toJson()) + ".";
            }
            case HS256_WITH_THE_PUBLIC_KEY -> {
                // The classic key-confusion attack: the public key, which anyone may have, as an HMAC secret.
                byte[] publicKey = Files.readAllBytes(Path.of(ConfigProvider.getConfig()
                        .getValue("streamgate.auth.jwt.public-key-location", String.class)));
                JsonWebSignature jws = new JsonWebSignature();
                jws.setPayload(claims(TENANT).toJson());
                jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
                jws.setKey(new HmacKey(publicKey));
                yield jws.getCompactSerialization();
            }
            case KEY_ID_NOT_OURS -> sign(STRANGER.getPrivate(), "not-ours", claims(TENANT));
            case REVOKED_API_KEY -> {
                String key = ApiKeys.generate("sk_live_");
                String id = "revoked-" + Math.abs(key.hashCode());
                RedisApiKeyStore store = new RedisApiKeyStore(redis);
                store.save(ApiKeys.hash(key), new ApiKeyRecord(id, TENANT, "svc-" + id, Set.of(Role.USER), "matrix",
                        ApiKeys.preview(key), Instant.now())).toCompletableFuture().join();
                assertTrue(store.revoke(TENANT, id).toCompletableFuture().join(), "the key was revoked");
                yield key;
            }
        };
    }

    /** What the target answers a client presenting {@code credential} (null: none) the way its dialect's clients do. */
    private Refusal refusal(Target target, String credential) throws Exception {
        if (target.sse()) {
            try (SseProbe stream = SseProbe.open(http(target.path), bearer(credential))) {
                if (stream.status() != 200) {
                    assertProblem(stream.status(), stream.header("Content-Type"), stream.body());
                    return new Status(stream.status());
                }
                SseProbe.Event first = stream.next(any -> true, WAIT);
                assertEquals("close", first.name(), "a refused stream's first event");
                return new StreamClosed(Json.mapper().readTree(first.data()).path("code").asInt());
            }
        }
        if (target == Target.SPOOLED_WS) {
            UpgradeRequest answer = UpgradeRequest.send(spooledUrl(credential), Map.of());
            if (answer.status() != 101) {
                assertProblem(answer.status(), answer.headers().get("content-type"), answer.body());
            }
            return new Status(answer.status());
        }
        try (WebSocketProbe client = connect(target, credential)) {
            return new Closed(client.awaitClose(WAIT));
        }
    }

    private void assertAdmitted(Target target, String credential) throws Exception {
        if (target.sse()) {
            try (SseProbe stream = SseProbe.open(http(target.path), bearer(credential))) {
                assertEquals(200, stream.status(), target + " admits a valid credential");
            }
            return;
        }
        if (target == Target.SPOOLED_WS) {
            assertEquals(101, UpgradeRequest.send(spooledUrl(credential), Map.of()).status());
            return;
        }
        try (WebSocketProbe client = connect(target, credential)) {
            String answer = switch (target) {
                case SKYSPY_WS, GEONICDB_WS -> {
                    client.send("{\"action\":\"ping\"}");
                    yield client.nextMatching(frame -> frame.contains("pong"), WAIT);
                }
                case SPATIALFLOW_WS -> {
                    client.send("{\"type\":\"ping\"}");
                    yield client.nextMatching(frame -> frame.contains("pong"), WAIT);
                }
                // Haltless speaks first once the token is accepted (statuses, heartbeat).
                default -> client.next(WAIT);
            };
            assertTrue(answer != null && client.isOpen(), target + " admits a valid credential");
        }
    }

    /** Connects as the dialect's own clients present a credential. */
    private WebSocketProbe connect(Target target, String credential) {
        URI uri = ws(target.path);
        return switch (target) {
            case HALTLESS_WS -> {
                WebSocketProbe client = WebSocketProbe.connect(uri);
                if (credential != null) {
                    client.send(credential);
                }
                yield client;
            }
            // SpatialFlow's guide: the subprotocol, as browsers can send nothing else.
            case SPATIALFLOW_WS -> credential == null ? WebSocketProbe.connect(uri)
                    : WebSocketProbe.connect(uri, List.of("access_token", credential));
            default -> WebSocketProbe.connect(uri, bearer(credential));
        };
    }

    private static void assertProblem(int status, String contentType, String body) throws Exception {
        assertEquals("application/problem+json", String.valueOf(contentType).split(";")[0], "a problem document");
        assertEquals(status, Json.mapper().readTree(body).path("status").asInt());
    }

    private URI spooledUrl(String credential) {
        String query = credential == null ? "" : "?token=" + URLEncoder.encode(credential, StandardCharsets.UTF_8);
        return ws(Target.SPOOLED_WS.path + query);
    }

    private static JwtClaims claims(String tenant) {
        JwtClaims claims = DevCredentials.claims(tenant, "user-" + tenant, Set.of(Role.USER), Duration.ofMinutes(10));
        claims.setAudience(SecurityProfile.AUDIENCE);
        return claims;
    }

    private static JsonNode rotate() throws Exception {
        URI rotate = URI.create(System.getProperty(JwksIssuerResource.URL_PROPERTY) + "/rotate");
        HttpResponse<String> answer = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(rotate).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode());
        return Json.mapper().readTree(answer.body());
    }

    private static String signed(JsonNode issuerKey, JwtClaims claims) throws Exception {
        return sign(Pem.privateKey(issuerKey.path("privateKey").asText()), issuerKey.path("kid").asText(), claims);
    }

    private static String sign(PrivateKey key, String kid, JwtClaims claims) throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key);
        jws.setKeyIdHeaderValue(kid);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        return jws.getCompactSerialization();
    }

    private static Map<String, String> bearer(String credential) {
        return credential == null ? Map.of() : Map.of("Authorization", "Bearer " + credential);
    }

    private static long now() {
        return Instant.now().getEpochSecond();
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private URI http(String path) {
        return root.resolve(path);
    }

    private URI ws(String path) {
        return URI.create(root.resolve(path).toString().replaceFirst("^http", "ws"));
    }
}
