package io.streamgate.ingest.entities;

import static io.streamgate.ingest.identity.TestCallers.api;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.streamgate.devstack.DevCredentials;
import io.streamgate.devstack.DevstackTestResource;
import io.streamgate.devstack.traffic.IngestClient;
import io.streamgate.devstack.traffic.IngestPost;
import io.streamgate.devstack.traffic.SmartCitySimulator;
import io.streamgate.platform.identity.Role;

/** The demo's smart-city batches, as the stack sends them, are accepted whole by the real entity API. */
@QuarkusTest
@WithTestResource(value = DevstackTestResource.class, scope = TestResourceScope.GLOBAL)
class SmartCityTrafficTest {

    @TestHTTPResource("/")
    URI root;

    @Test
    void everyBatchOfTheDemoIsAppliedAndTheCityExists() throws Exception {
        SmartCitySimulator city = new SmartCitySimulator(SmartCitySimulator.Settings.DEFAULTS, 42);
        Instant start = Instant.parse("2026-01-01T08:00:00Z");
        try (IngestClient client = new IngestClient(root, DevCredentials.tokenFor("default", Role.USER),
                Duration.ofSeconds(10), 1)) {
            for (int tick = 0; tick < 30; tick++) {
                for (IngestPost post : city.tick(start.plusSeconds(2L * tick))) {
                    IngestClient.Outcome outcome = client.post(post.path(), post.body(), null);
                    assertEquals(204, outcome.status(), "tick " + tick + ": " + outcome.reason());
                }
            }
        }
        for (String id : SmartCitySimulator.PARKING_SPOTS) {
            api().get("/v2/entities/{id}", id).then().statusCode(200).body("type", equalTo("ParkingSpot"));
        }
        api().get("/v2/entities/{id}", SmartCitySimulator.ROOMS.get(0)).then().statusCode(200)
                .body("temperature.type", equalTo("Number"));
    }
}
