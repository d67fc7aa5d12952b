package io.streamgate.safety.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.streamgate.devstack.DevstackTestResource;
import io.streamgate.platform.alerts.AlertAcknowledgement;
import io.streamgate.platform.alerts.AlertHistoryItem;
import io.streamgate.platform.alerts.AlertTriggered;
import io.streamgate.platform.alerts.RedisAlertStore;

/** The history bounds of the platform store, on the real Redis. */
@QuarkusTest
@WithTestResource(value = DevstackTestResource.class, scope = TestResourceScope.GLOBAL)
class AlertHistoryStoreTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    @Inject
    RedisAlertStore store;

    @Test
    void theHistoryKeepsAtMostMaxAlertsAndNothingOlderThanMaxAge() {
        String tenant = AlertsApi.newTenant();
        Instant now = Instant.now();
        for (int i = 1; i <= 5; i++) {
            record(tenant, alert(i, now.minusSeconds(10 - i)), 3, now);
        }
        assertEquals(List.of(5L, 4L, 3L), ids(tenant, now.minus(Duration.ofDays(1))), "the three newest");

        // Acknowledged, then trimmed away: the acknowledgement goes with it.
        Unavailable.await("redis", store.acknowledge(tenant, 3, new AlertAcknowledgement("me", now)), WAIT);
        record(tenant, alert(6, now.minus(Duration.ofDays(8))), 3, now);
        assertEquals(List.of(5L, 4L, 3L), ids(tenant, Instant.EPOCH), "older than max age: dropped at once");
        record(tenant, alert(7, now), 3, now);
        record(tenant, alert(8, now), 3, now);
        assertEquals(List.of(8L, 7L, 5L), ids(tenant, Instant.EPOCH));
        assertTrue(Unavailable.await("redis", store.acknowledge(tenant, 3, new AlertAcknowledgement("me", now)),
                WAIT).isEmpty(), "a trimmed alert is unknown");

        // Age is measured when an alert is added: the 7-day-old ones go once a newer one arrives.
        Instant later = now.plus(Duration.ofDays(7)).plusSeconds(1);
        record(tenant, alert(9, later), 3, later);
        assertEquals(List.of(9L), ids(tenant, Instant.EPOCH));
        List<AlertHistoryItem> items = Unavailable.await("redis", store.history(tenant, Instant.EPOCH, 10), WAIT);
        assertFalse(items.get(0).acknowledged());
    }

    @Test
    void aQuietTenantsHistoryExpiresMaxAgeAfterItsLastAlert() {
        String tenant = AlertsApi.newTenant();
        Instant now = Instant.now();
        Unavailable.await("redis", store.recordAlert(tenant, alert(1, now), 10, Duration.ofMillis(300), now), WAIT);
        assertEquals(List.of(1L), ids(tenant, Instant.EPOCH));
        io.streamgate.devstack.Deadline.await("the history to expire", WAIT,
                () -> ids(tenant, Instant.EPOCH).isEmpty());
    }

    private void record(String tenant, AlertTriggered alert, int max, Instant now) {
        Unavailable.await("redis", store.recordAlert(tenant, alert, max, Duration.ofDays(7), now), WAIT);
    }

    private List<Long> ids(String tenant, Instant since) {
        return Unavailable.await("redis", store.history(tenant, since, 100), WAIT).stream()
                .map(item -> item.alert().id()).toList();
    }

    private static AlertTriggered alert(long id, Instant at) {
        return new AlertTriggered(id, "rule", "name", "abc123", "CS1", "m", "low", Map.of("hex", "abc123"), at, "me");
    }
}
