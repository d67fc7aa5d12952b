package io.streamgate.ingest.adsb;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import jakarta.enterprise.inject.Vetoed;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.streamgate.devstack.DevCredentials;
import io.streamgate.devstack.DevstackTestResource;
import io.streamgate.devstack.testing.TopicProbe;
import io.streamgate.ingest.adsb.state.AircraftStateTracker;
import io.streamgate.ingest.kafka.EventWriter;
import io.streamgate.platform.aviation.AircraftPosition;
import io.streamgate.platform.identity.Role;
import io.streamgate.platform.topic.Topics;

/**
 * A retry that overtakes a request still in flight with the same {@code Idempotency-Key} is refused
 * with 409, and the first request still writes once. The first request is held inside its write by a
 * latch this test opens (the real writer, to the real broker, runs after it), so "in flight" is a fact
 * of the test, not a race against the broker.
 */
@QuarkusTest
@WithTestResource(value = DevstackTestResource.class, scope = TestResourceScope.GLOBAL)
class IdempotencyInFlightTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String TWO_AIRCRAFT = "{\"now\":1785349721.5,\"aircraft\":["
            + "{\"hex\":\"ab0001\",\"lat\":47.1,\"lon\":8.1},{\"hex\":\"ab0002\",\"lat\":47.2,\"lon\":8.2}]}";

    @Inject
    EventWriter events;
    @Inject
    AircraftStateTracker state;
    @Inject
    MeterRegistry registry;

    private final ExecutorService firstClient = Executors.newSingleThreadExecutor();
    private HeldWrites held;

    @AfterEach
    void letGo() throws InterruptedException {
        if (held != null) {
            held.release(); // a failed assertion must not leave a request parked in the service
        }
        firstClient.shutdown();
        assertTrue(firstClient.awaitTermination(WAIT.toSeconds(), TimeUnit.SECONDS));
    }

    @Test
    void aRetryWhileTheFirstRequestIsStillWritingGets409AndTheFirstStillWritesOnce() throws Exception {
        held = new HeldWrites(events, state, registry);
        QuarkusMock.installMockForType(held, AircraftPositionWriter.class);
        String key = "in-flight-" + UUID.randomUUID();
        try (TopicProbe probe = new TopicProbe(bootstrapServers(), Topics.AIRCRAFT_POSITIONS.name())) {
            CompletableFuture<Response> first = CompletableFuture.supplyAsync(
                    () -> request().header("Idempotency-Key", key).body(TWO_AIRCRAFT).post("/v1/aircraft"),
                    firstClient);
            assertTrue(held.entered.await(WAIT.toSeconds(), TimeUnit.SECONDS),
                    "the first request reached its write and is held there");

            request().header("Idempotency-Key", key).body(TWO_AIRCRAFT).post("/v1/aircraft")
                    .then().statusCode(409)
                    .contentType("application/problem+json")
                    .header("Retry-After", "1")
                    .body("status", equalTo(409))
                    .body("type", endsWith("/idempotency-in-flight"));
            assertEquals(1, held.writes.get(), "the refused retry never reached the writer");

            held.release();
            Response answer = first.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            answer.then().statusCode(202).body("accepted", equalTo(2));

            // Once the first has finished, the same retry is answered from it without writing again.
            request().header("Idempotency-Key", key).body(TWO_AIRCRAFT).post("/v1/aircraft")
                    .then().statusCode(202).body("accepted", equalTo(2)).header("Idempotent-Replayed", "true");
            assertEquals(1, held.writes.get(), "three requests, one write");
            assertEquals(Set.of("ab0001", "ab0002"), probe.await(2, WAIT).stream().map(ConsumerRecord::key)
                    .collect(Collectors.toSet()), "the held write reached Kafka");
        }
    }

    /**
     * The service's own writer, to the real broker, except that the first write waits for the test's
     * go-ahead. Vetoed: it is installed for one test with {@link QuarkusMock}, never discovered as a bean.
     */
    @Vetoed
    static final class HeldWrites extends AircraftPositionWriter {

        final CountDownLatch entered = new CountDownLatch(1);
        final AtomicInteger writes = new AtomicInteger();
        private final CountDownLatch release = new CountDownLatch(1);

        HeldWrites(EventWriter writer, AircraftStateTracker state, MeterRegistry registry) {
            super(writer, state, registry);
        }

        void release() {
            release.countDown();
        }

        @Override
        public void write(List<AircraftPosition> positions, String tenant, String source) {
            if (writes.incrementAndGet() == 1) {
                entered.countDown();
                try {
                    if (!release.await(WAIT.toSeconds() * 3, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("the test never released the held write");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
            super.write(positions, tenant, source);
        }
    }

    private static RequestSpecification request() {
        return given().auth().oauth2(DevCredentials.tokenFor("default", Role.USER)).contentType("application/json");
    }

    private static String bootstrapServers() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }
}
