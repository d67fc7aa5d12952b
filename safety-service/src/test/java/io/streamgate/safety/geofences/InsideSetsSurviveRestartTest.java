package io.streamgate.safety.geofences;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.streamgate.devstack.Deadline;
import io.streamgate.devstack.DevstackTestResource;
import io.streamgate.devstack.testing.TopicProbe;
import io.streamgate.platform.devices.DeviceLocation;
import io.streamgate.platform.devices.GeofenceEvent;
import io.streamgate.platform.event.EventTypes;
import io.streamgate.platform.topic.Topics;
import io.streamgate.safety.sensors.Callers;
import io.streamgate.safety.sensors.Records;

/**
 * What a restarted replica starts from: the inside sets the running consumer wrote to the real Redis. A new
 * tracker on them neither enters the fence again nor misses the exit.
 */
@QuarkusTest
@WithTestResource(value = DevstackTestResource.class, scope = TestResourceScope.GLOBAL)
class InsideSetsSurviveRestartTest {

    @Inject
    GeofenceStore store;

    @Inject
    GeofenceCache cache;

    @Test
    void aNewTrackerContinuesFromTheStoredInsideSets() {
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        String tenant = Callers.newTenant("restart");
        String fence = Callers.as(tenant).body(GeofencesResourceTest.CIRCLE).post("/v1/geofences").then()
                .statusCode(201).extract().path("id");
        String device = "truck-" + tenant;
        Instant t = Instant.now();
        try (Records records = new Records(bootstrap);
                TopicProbe probe = new TopicProbe(bootstrap, Topics.GEOFENCE_EVENTS.name())) {
            records.send(Topics.DEVICE_LOCATIONS.name(), EventTypes.DEVICE_LOCATION, tenant, device, t,
                    new DeviceLocation(device, 47.3769, 8.5417, t, null, null, null, null, null));
            Deadline.await("the entry", Duration.ofSeconds(30),
                    () -> !Records.of(probe.drain(Duration.ofMillis(100)), tenant, GeofenceEvent.class).isEmpty());
        }
        Deadline.await("the stored inside set", Duration.ofSeconds(10),
                () -> store.inside(tenant, device).contains(fence));

        GeofenceTracker restarted = new GeofenceTracker(15, store::inside);
        FenceIndex fences = cache.fences(tenant);
        GeofenceTracker.Result still = restarted.onLocation(tenant, new DeviceLocation(device, 47.3770, 8.5417,
                t.plusSeconds(1), null, null, null, null, null), fences);
        assertEquals(List.of(), still.events(), "already inside: no second entry");
        GeofenceTracker.Result left = restarted.onLocation(tenant, new DeviceLocation(device, 47.40, 8.5417,
                t.plusSeconds(2), null, null, null, null, null), fences);
        assertEquals(List.of("exit"), left.events().stream().map(o -> ((GeofenceEvent) o.payload()).eventType())
                .toList());
        assertEquals(Set.of(fence), store.inside(tenant, device));
    }
}
