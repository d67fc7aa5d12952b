package io.streamgate.gateway.dialect.skyspy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.streamgate.devstack.DevCredentials;
import io.streamgate.devstack.DevstackTestResource;
import io.streamgate.devstack.testing.SkySpyAircraftPicture;
import io.streamgate.devstack.testing.WebSocketProbe;
import io.streamgate.platform.aviation.AircraftPosition;
import io.streamgate.platform.event.EventEnvelope;
import io.streamgate.platform.event.EventTypes;
import io.streamgate.platform.event.KafkaBinaryBinding;
import io.streamgate.platform.identity.ApiKeyRecord;
import io.streamgate.platform.identity.ApiKeys;
import io.streamgate.platform.identity.RedisApiKeyStore;
import io.streamgate.platform.identity.Role;
import io.streamgate.platform.json.Json;
import io.streamgate.platform.topic.Topics;
import io.vertx.redis.client.Redis;

/** The auth matrix of SkySpy's aircraft endpoint in the default (hybrid) mode, over every token transport. */
@QuarkusTest
@WithTestResource(value = DevstackTestResource.class, scope = TestResourceScope.GLOBAL)
class SkySpyAuthenticationTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TestHTTPResource("/ws/aircraft/")
    URI endpoint;

    @Inject
    Redis redis;

    @Test
    void aBearerHeaderAdmitsTheClientToItsTenantOnly() throws Exception {
        String hex = "acde01";
        publish("acme", hex);
        try (WebSocketProbe acme = WebSocketProbe.connect(ws(), bearer(DevCredentials.tokenFor("acme", Role.USER)))) {
            awaitAircraft(acme, hex);
        }
        try (WebSocketProbe globex = WebSocketProbe.connect(ws(),
                bearer(DevCredentials.tokenFor("globex", Role.USER)))) {
            SkySpyAircraftPicture picture = new SkySpyAircraftPicture();
            assertEquals("aircraft:snapshot", picture.apply(globex.next(WAIT)));
            assertFalse(picture.aircraft().containsKey(hex), "another tenant's aircraft never reach this client");
        }
    }

    @Test
    void theSubprotocolTransportEchoesTheMarkerNeverTheToken() {
        String token = DevCredentials.tokenFor("default", Role.USER);
        try (WebSocketProbe client = WebSocketProbe.connect(ws(), List.of("access_token", token))) {
            assertEquals("access_token", client.subprotocol());
            assertTrue(client.next(WAIT).contains("aircraft:snapshot"));
        }
        try (WebSocketProbe client = WebSocketProbe.connect(ws(), List.of("Bearer", token))) {
            assertEquals("Bearer", client.subprotocol());
            assertTrue(client.next(WAIT).contains("aircraft:snapshot"));
        }
    }

    @Test
    void theDeprecatedQueryTokenStillWorks() {
        String token = URLEncoder.encode(DevCredentials.tokenFor("default", Role.USER), StandardCharsets.UTF_8);
        try (WebSocketProbe client = WebSocketProbe.connect(URI.create(ws() + "?token=" + token))) {
            assertTrue(client.next(WAIT).contains("aircraft:snapshot"));
        }
    }

    @Test
    void anApiKeyIsAccepted() {
        String key = ApiKeys.generate("sk_live_");
        new RedisApiKeyStore(redis).save(ApiKeys.hash(key), new ApiKeyRecord("k1", "default", "dashboard",
                Set.of(Role.USER), "test", ApiKeys.preview(key), Instant.now())).toCompletableFuture().join();
        try (WebSocketProbe client = WebSocketProbe.connect(ws(), bearer(key))) {
            assertTrue(client.next(WAIT).contains("aircraft:snapshot"));
        }
    }

    @Test
    void anonymousClientsReadThePublicAircraftFeedInHybridMode() {
        try (WebSocketProbe client = WebSocketProbe.connect(ws())) {
            assertTrue(client.next(WAIT).contains("aircraft:snapshot"));
        }
    }

    @Test
    void expiredForeignUnsignedAndUnknownCredentialsAreClosedWith4001() {
        JwtClaims expired = DevCredentials.claims("default", "bob", Set.of(Role.USER), Duration.ofMinutes(5));
        expired.setExpirationTime(NumericDate.fromSeconds(Instant.now().minusSeconds(120).getEpochSecond()));
        JwtClaims foreign = DevCredentials.claims("default", "bob", Set.of(Role.USER), Duration.ofMinutes(5));
        foreign.setIssuer("https://elsewhere.example");
        JwtClaims escalated = DevCredentials.claims("default", "bob", Set.of(Role.SUPER_ADMIN), Duration.ofMinutes(5));
        String unsigned = b64("{\"alg\":\"none\"}") + "." + b64(escalated.toJson()) + ".";

        for (String token : List.of(DevCredentials.signWithDevKey(expired), DevCredentials.signWithDevKey(foreign),
                unsigned, ApiKeys.generate("sk_test_"))) {
            try (WebSocketProbe client = WebSocketProbe.connect(ws(), bearer(token))) {
                assertEquals(4001, client.awaitClose(WAIT));
            }
        }
    }

    @Test
    void theConnectionClosesWith4001WhenItsTokenExpires() {
        JwtClaims shortLived = DevCredentials.claims("default", "bob", Set.of(Role.USER), Duration.ofSeconds(2));
        try (WebSocketProbe client = WebSocketProbe.connect(ws(), bearer(DevCredentials.signWithDevKey(shortLived)))) {
            assertTrue(client.next(WAIT).contains("aircraft:snapshot"));
            assertEquals(4001, client.awaitClose(WAIT));
        }
    }

    private static void awaitAircraft(WebSocketProbe client, String hex) {
        SkySpyAircraftPicture picture = new SkySpyAircraftPicture();
        long end = System.nanoTime() + WAIT.toNanos();
        while (!picture.aircraft().containsKey(hex)) {
            assertTrue(System.nanoTime() < end, "aircraft " + hex + " never arrived");
            picture.apply(client.next(WAIT));
        }
    }

    private static void publish(String tenant, String hex) {
        AircraftPosition position = new AircraftPosition(hex, "TEN1", 46.5, 7.5, 9000, false, null, 200.0, 10.0, 0,
                null, "2000", null, "A3", false, null, null, null, 0.1, false, Instant.now());
        RecordHeaders headers = new RecordHeaders();
        KafkaBinaryBinding.write(EventEnvelope.of("/test", EventTypes.AIRCRAFT_POSITION, position.timestamp(), hex,
                tenant), headers);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class)),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.AIRCRAFT_POSITIONS.name(), null, hex, Json.encode(position),
                    headers));
        }
    }

    private static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private URI ws() {
        return URI.create(endpoint.toString().replaceFirst("^http", "ws"));
    }
}
