package io.streamgate.ingest.adsb.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.streamgate.platform.aviation.AircraftPosition;

/** When the gateway's map loses an aircraft: its tombstone follows exactly the timeout after its last fix. */
class AircraftStateTableTest {

    private static final Instant T0 = Instant.parse("2026-07-29T18:28:41.500Z");
    private static final String POST = "/ingest/adsb";

    private final AircraftStateTable table = new AircraftStateTable(Duration.ofSeconds(60), 1000);

    @Test
    void anAircraftSilentForLongerThanTheTimeoutIsRemovedOnce() {
        assertTrue(table.offer("default", POST, position("3c71a1", 0.0, T0), T0));

        assertEquals(List.of(), table.expire(T0.plusSeconds(60)), "exactly the timeout: still there");
        assertEquals(List.of(new Departure("default", "3c71a1", POST)), table.expire(T0.plusSeconds(61)));
        assertEquals(List.of(), table.expire(T0.plusSeconds(62)), "one tombstone, not one per sweep");
    }

    @Test
    void aNewFixPostponesTheRemoval() {
        table.offer("default", POST, position("3c71a1", 0.0, T0), T0);
        assertTrue(table.offer("default", POST, position("3c71a1", 0.0, T0.plusSeconds(50)), T0.plusSeconds(50)));

        assertEquals(List.of(), table.expire(T0.plusSeconds(100)));
        assertEquals(1, table.expire(T0.plusSeconds(111)).size());
    }

    @Test
    void silenceCountsFromTheFixNotFromTheReceiversLatestFile() {
        // dump1090-fa keeps listing a lost aircraft with a growing seen_pos; re-posting it is no new fix.
        Instant fixed = T0.minusSeconds(30);
        table.offer("default", POST, position("407f5f", 30.0, fixed), T0);
        assertFalse(table.offer("default", POST, position("407f5f", 40.0, fixed), T0.plusSeconds(10)),
                "the same fix again is not a new state");

        assertEquals(1, table.expire(T0.plusSeconds(31)).size(), "61 s after the fix");
    }

    @Test
    void aFixAlreadyOlderThanTheTimeoutDoesNotBringTheAircraftBack() {
        assertFalse(table.offer("default", POST, position("407462", 61.1, T0.minusMillis(61_100)), T0));
        assertEquals(0, table.size());
    }

    @Test
    void anOlderPositionDoesNotReplaceANewerState() {
        table.offer("default", POST, position("3c71a1", 0.0, T0), T0);
        assertFalse(table.offer("default", "/ingest/adsb/sbs", position("3c71a1", 0.0, T0.minusSeconds(2)),
                T0.plusSeconds(1)));
    }

    @Test
    void tenantsKeepTheirOwnState() {
        table.offer("acme", POST, position("3c71a1", 0.0, T0), T0);
        table.offer("globex", POST, position("3c71a1", 0.0, T0.plusSeconds(30)), T0.plusSeconds(30));

        assertEquals(List.of(new Departure("acme", "3c71a1", POST)), table.expire(T0.plusSeconds(61)));
        assertTrue(table.contains("globex", "3c71a1"));
    }

    @Test
    void beyondTheCapacityTheLeastRecentlyUpdatedAircraftGoesFirst() {
        AircraftStateTable small = new AircraftStateTable(Duration.ofSeconds(60), 2);
        small.offer("default", POST, position("3c71a1", 0.0, T0), T0);
        small.offer("default", POST, position("407689", 0.0, T0), T0);
        small.offer("default", POST, position("3c71a1", 0.0, T0.plusSeconds(1)), T0.plusSeconds(1));
        small.offer("default", POST, position("43ea47", 0.0, T0.plusSeconds(2)), T0.plusSeconds(2));

        assertEquals(List.of(new Departure("default", "407689", POST)), small.trim());
        assertEquals(2, small.size());
    }

    @Test
    void aircraftCarriedOverFromBeforeARestartExpireLikeTheOthers() {
        table.restore("default", "/ingest/adsb/sbs", position("3c71a1", 0.0, T0), T0);
        table.restore("default", POST, position("407689", 0.0, T0.minusSeconds(5)), T0.plusSeconds(30));

        assertEquals(List.of(new Departure("default", "3c71a1", "/ingest/adsb/sbs")),
                table.expire(T0.plusSeconds(61)));
        assertFalse(table.offer("default", POST, position("407689", 0.0, T0.minusSeconds(6)), T0.plusSeconds(62)),
                "the restored state is the newest known");
    }

    private static AircraftPosition position(String hex, double seenPos, Instant fixed) {
        return new AircraftPosition(hex, null, 51.3, -2.0, 41000, false, null, null, null, null, null, null, null,
                null, false, null, null, null, seenPos, seenPos > 15, fixed);
    }
}
