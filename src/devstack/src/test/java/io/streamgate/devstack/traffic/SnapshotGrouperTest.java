package io.streamgate.devstack.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.streamgate.devstack.SharedData;
import io.streamgate.platform.json.Json;

class SnapshotGrouperTest {

    private static StateVectorRecording swiss;

    @BeforeAll
    static void load() {
        swiss = StateVectorRecording.load(SharedData.file(StateVectorRecording.SWISS));
    }

    @Test
    void theSwissRecordingIsReadWhole() {
        assertEquals(139_098, swiss.rows().size());
        assertEquals(842, swiss.rowsPerAircraft().size());
        assertEquals(0, swiss.rowsWithoutPosition(), "every row of the Swiss file has a position");
        assertEquals(17.0, (swiss.endMillis() - swiss.startMillis()) / 3_600_000.0, 0.01);
        for (int i = 1; i < swiss.rows().size(); i++) {
            assertTrue(swiss.rows().get(i - 1).timestamp() <= swiss.rows().get(i).timestamp(), "time order at " + i);
        }
    }

    @Test
    void oneSecondSnapshotsHoldOneReportIntervalEachWithEveryAircraftOnce() {
        List<AircraftSnapshot> snapshots = SnapshotGrouper.group(swiss.rows(), Duration.ofSeconds(1),
                Integer.MAX_VALUE);

        // The file reports every 10 s on the same ticks, so each 1 s window holds exactly one tick.
        Set<Long> ticks = new HashSet<>();
        swiss.rows().forEach(r -> ticks.add(r.timestamp()));
        assertEquals(ticks.size(), snapshots.size());
        assertEquals(6120, snapshots.size());

        Map<String, Integer> perAircraft = new HashMap<>();
        long previous = Long.MIN_VALUE;
        for (AircraftSnapshot snapshot : snapshots) {
            assertTrue(snapshot.simulatedNow() > previous, "snapshots advance in time");
            previous = snapshot.simulatedNow();
            Set<String> inSnapshot = new HashSet<>();
            for (StateVector row : snapshot.rows()) {
                assertTrue(snapshot.simulatedNow() - row.timestamp() < 1000, "within the window");
                assertTrue(inSnapshot.add(row.icao24()), "an aircraft appears once per snapshot");
                perAircraft.merge(row.icao24(), 1, Integer::sum);
            }
        }
        assertEquals(swiss.rowsPerAircraft(), perAircraft, "no row lost or doubled");
    }

    @Test
    void largeSnapshotsAreCutAtTheirSizeAndKeepEveryRowInOrder() {
        List<AircraftSnapshot> snapshots = SnapshotGrouper.group(swiss.rows(), Duration.ofHours(24), 500);

        assertEquals((139_098 + 499) / 500, snapshots.size());
        int index = 0;
        for (AircraftSnapshot snapshot : snapshots) {
            assertTrue(snapshot.size() <= 500);
            for (StateVector row : snapshot.rows()) {
                assertEquals(swiss.rows().get(index++), row);
            }
        }
        assertEquals(139_098, index);
    }

    @Test
    void aSnapshotIsAReceiversAircraftJsonStampedWithTheRealClock() throws Exception {
        StateVector dlh = new StateVector(1_533_101_250_000L, "3003ae", "DLH8JW", 45.8189849854, 9.2295455933,
                34975.0, 443.4869334744, 324.2670817753, 960.0);
        StateVector older = new StateVector(1_533_101_240_000L, "4b1801", null, 46.1, 8.1, 37000, 450, 10, 0);
        StateVector blind = new StateVector(1_533_101_250_000L, "4b1802", "SWR12", Double.NaN, Double.NaN, 36000,
                Double.NaN, Double.NaN, Double.NaN);
        AircraftSnapshot snapshot = new AircraftSnapshot(1_533_101_250_000L, List.of(older, dlh, blind));

        JsonNode json = Json.mapper().readTree(snapshot.toAircraftJson(1_800_000_000_500L, 10));

        assertEquals(1_800_000_000.5, json.get("now").asDouble());
        JsonNode aircraft = json.get("aircraft");
        assertEquals(3, aircraft.size());
        JsonNode first = aircraft.get(1);
        assertEquals("3003ae", first.get("hex").asText());
        assertEquals("DLH8JW  ", first.get("flight").asText(), "padded to eight characters, as readsb does");
        assertEquals(45.818985, first.get("lat").asDouble());
        assertEquals(9.229546, first.get("lon").asDouble());
        assertEquals(34975, first.get("alt_baro").asInt());
        assertTrue(first.get("alt_baro").isIntegralNumber());
        assertEquals(443.5, first.get("gs").asDouble());
        assertEquals(324.27, first.get("track").asDouble());
        assertEquals(960, first.get("baro_rate").asInt());
        assertEquals(0.0, first.get("seen_pos").asDouble());
        assertEquals(1.0, aircraft.get(0).get("seen_pos").asDouble(), "10 s older in the recording, 1 s at 10x");
        assertTrue(aircraft.get(0).path("flight").isMissingNode());
        assertTrue(aircraft.get(2).path("lat").isMissingNode(), "no position: listed without lat/lon");
        assertEquals(1, snapshot.withoutPosition());
    }

    @Test
    void rowsOutOfTimeOrderAreRefused() {
        StateVector later = new StateVector(2000, "aaaaaa", null, 1, 1, 1, 1, 1, 1);
        StateVector earlier = new StateVector(1000, "bbbbbb", null, 1, 1, 1, 1, 1, 1);
        assertThrows(IllegalArgumentException.class,
                () -> SnapshotGrouper.group(List.of(later, earlier), Duration.ofSeconds(1), 10));
    }
}
