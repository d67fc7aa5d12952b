package io.streamgate.ingest.adsb;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.streamgate.devstack.DevCredentials;
import io.streamgate.devstack.Devstack;
import io.streamgate.devstack.DevstackTestResource;
import io.streamgate.devstack.testing.TopicProbe;
import io.streamgate.platform.identity.Role;
import io.streamgate.platform.topic.Topics;

@QuarkusTest
@WithTestResource(value = DevstackTestResource.class, scope = TestResourceScope.GLOBAL)
class ReliabilityTest {

    private static final String TWO_AIRCRAFT = "{\"now\":1785349721.5,\"aircraft\":["
            + "{\"hex\":\"aa0001\",\"lat\":47.1,\"lon\":8.1},{\"hex\":\"aa0002\",\"lat\":47.2,\"lon\":8.2}]}";

    @Test
    void aRetryWithTheSameIdempotencyKeyIsNotWrittenTwice() {
        String key = UUID.randomUUID().toString();
        try (TopicProbe probe = new TopicProbe(bootstrapServers(), Topics.AIRCRAFT_POSITIONS.name())) {
            request().header("Idempotency-Key", key).body(TWO_AIRCRAFT).post("/v1/aircraft")
                    .then().statusCode(202).body("accepted", equalTo(2));
            request().header("Idempotency-Key", key).body(TWO_AIRCRAFT).post("/v1/aircraft")
                    .then().statusCode(202).body("accepted", equalTo(2)).header("Idempotent-Replayed", "true");

            probe.await(2, Duration.ofSeconds(30));
            assertEquals(2, probe.drain(Duration.ofSeconds(1)).size(), "the retry wrote nothing");
        }
    }

    @Test
    void theSameIdempotencyKeyWithAnotherBodyIsRefused() {
        String key = UUID.randomUUID().toString();
        request().header("Idempotency-Key", key).body(TWO_AIRCRAFT).post("/v1/aircraft").then().statusCode(202);
        request().header("Idempotency-Key", key).body(TWO_AIRCRAFT.replace("47.1", "47.3")).post("/v1/aircraft")
                .then().statusCode(422).body("errors.pointer", hasItem("/headers/Idempotency-Key"));
    }

    @Test
    void whileKafkaIsDownWritesAre503WithRetryAfterAndAcceptedAgainAfterwards() {
        Devstack stack = Devstack.shared();
        String key = UUID.randomUUID().toString();
        stack.kafka().stop();
        try {
            request().header("Idempotency-Key", key).body(TWO_AIRCRAFT).post("/v1/aircraft")
                    .then().statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", "5");
        } finally {
            stack.kafka().start();
        }
        try (TopicProbe probe = new TopicProbe(bootstrapServers(), Topics.AIRCRAFT_POSITIONS.name())) {
            // The failed attempt released its key: the client's retry is written.
            request().header("Idempotency-Key", key).body(TWO_AIRCRAFT).post("/v1/aircraft")
                    .then().statusCode(202).body("accepted", equalTo(2));
            assertEquals(2, probe.await(2, Duration.ofSeconds(30)).size());
        }
    }

    private static RequestSpecification request() {
        return given().auth().oauth2(DevCredentials.tokenFor("default", Role.USER)).contentType("application/json");
    }

    private static String bootstrapServers() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }
}
