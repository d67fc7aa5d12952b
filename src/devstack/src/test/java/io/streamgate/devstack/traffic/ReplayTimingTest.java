package io.streamgate.devstack.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.streamgate.platform.json.Json;

/** Time compression: the clock alone, then the replay generator driven by a hand-moved clock. */
class ReplayTimingTest {

    private static final long T0 = 1_533_099_600_000L;

    @Test
    void tenTimesFasterPlaysTenSecondsOfRecordingInOneSecond() {
        ReplayClock clock = new ReplayClock(T0, T0 + 60_000, 1000, 10, 5_000);

        assertEquals(5_000, clock.wallClockOf(0, T0));
        assertEquals(6_000, clock.wallClockOf(0, T0 + 10_000));
        assertEquals(11_000, clock.wallClockOf(0, T0 + 60_000));
        assertEquals(61_000, clock.loopLength());
        assertEquals(5_000 + 6_100, clock.wallClockOf(1, T0), "loop 1 starts after one loop and the gap");
        assertEquals(T0 + 20_000, clock.recordingTimeAt(7_000));
        assertEquals(T0 + 10_000, clock.recordingTimeAt(5_000 + 6_100 + 1_000));
        assertEquals(1, clock.loopAt(5_000 + 6_100 + 1_000));
    }

    @Test
    void realTimeIsTheIdentityAndANonsenseSpeedIsRefused() {
        ReplayClock clock = new ReplayClock(T0, T0 + 60_000, 0, 1, T0);
        assertEquals(T0 + 12_345, clock.wallClockOf(0, T0 + 12_345));
        assertThrows(IllegalArgumentException.class, () -> new ReplayClock(T0, T0 + 1, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new ReplayClock(T0, T0 + 1, 0, -2, 0));
        assertThrows(IllegalArgumentException.class, () -> new ReplayClock(T0, T0 - 1, 0, 1, 0));
    }

    @Test
    void theReplayPostsEachSnapshotWhenItIsDueAndLoops() throws Exception {
        StateVectorRecording recording = new StateVectorRecording(List.of(
                row(T0, "aaaaaa"), row(T0, "bbbbbb"), row(T0 + 10_000, "aaaaaa"), row(T0 + 20_000, "aaaaaa")));
        List<String> log = new ArrayList<>();
        AircraftReplay replay = new AircraftReplay(new AircraftReplay.Settings(10, Duration.ofSeconds(1),
                Duration.ofMillis(200), Duration.ofSeconds(5)), "test", () -> recording, log::add);
        Instant start = Instant.ofEpochMilli(1_800_000_000_000L);

        List<IngestPost> first = replay.tick(start);
        assertEquals(1, first.size());
        assertEquals(2, first.get(0).items());
        assertEquals(1, log.size(), "one line when the replay starts");
        assertEquals(List.of(), replay.tick(start.plusMillis(999)));
        List<IngestPost> second = replay.tick(start.plusMillis(1_000));
        assertEquals(1, second.size());
        JsonNode document = Json.mapper().readTree(second.get(0).body());
        assertEquals(1_800_000_001.0, document.get("now").asDouble(), "stamped with the real clock");
        assertEquals(1, replay.tick(start.plusMillis(2_050)).size());
        // One loop: 20 s of recording plus a 1 s gap, at 10x.
        assertEquals(List.of(), replay.tick(start.plusMillis(2_099)));
        assertEquals(1, replay.tick(start.plusMillis(2_100)).size());
        assertEquals(1, replay.loop());
        assertEquals(IngestPost.AIRCRAFT, first.get(0).path());
        assertEquals(true, first.get(0).live());
    }

    @Test
    void snapshotsOverdueByMoreThanTheMaximumLagAreSkippedNotBunched() {
        List<StateVector> rows = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            rows.add(row(T0 + i * 10_000L, "aaaaaa"));
        }
        AircraftReplay replay = new AircraftReplay(new AircraftReplay.Settings(10, Duration.ofSeconds(1),
                Duration.ofMillis(200), Duration.ofSeconds(5)), "test", () -> new StateVectorRecording(rows),
                line -> { });
        Instant start = Instant.ofEpochMilli(1_800_000_000_000L);
        replay.tick(start);

        // Held up for 30 s: snapshots 1..30 were due; only those due within the last 5 s are sent.
        List<IngestPost> afterStall = replay.tick(start.plusSeconds(30));
        assertEquals(6, afterStall.size());
        assertEquals(24, replay.skipped());
    }

    @Test
    void durationsReadAsPeopleWriteThem() {
        assertEquals("1h 42m", Durations.format(Duration.ofSeconds(6120)));
        assertEquals("1h 41m 59s", Durations.format(Duration.ofSeconds(6119)));
        assertEquals("45s", Durations.format(Duration.ofSeconds(45)));
        assertEquals("5m", Durations.format(Duration.ofMinutes(5)));
        assertEquals("250ms", Durations.format(Duration.ofMillis(250)));
        assertEquals(Duration.ofMillis(250), SettingsSource.parseDuration("250ms"));
        assertEquals(Duration.ofMinutes(3), SettingsSource.parseDuration("3m"));
    }

    private static StateVector row(long timestamp, String hex) {
        return new StateVector(timestamp, hex, "TEST1", 47.0, 8.0, 35000, 450, 90, 0);
    }
}
