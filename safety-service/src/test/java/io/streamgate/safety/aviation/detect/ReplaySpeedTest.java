package io.streamgate.safety.aviation.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;

import io.streamgate.devstack.SharedData;
import io.streamgate.platform.aviation.AircraftPosition;
import io.streamgate.platform.json.Json;
import io.streamgate.platform.safety.SafetyEvent;
import io.streamgate.safety.aviation.AviationSafetyConfig;
import io.streamgate.safety.aviation.Emission;
import io.streamgate.safety.aviation.SafetyConfigs;

/**
 * EZY8062 and RYR17UU over Switzerland (the recording the stack replays), played as the stack plays it: each
 * fix stamped with the wall clock of its replay ({@code start + recording offset / speed}), the engine's clock
 * that same wall clock, a sweep every {@code sweep-interval} of it. EZY8062's track ends while RYR17UU flies
 * on; at 10× the engine extrapolated EZY8062's last fix, up to 15 s old on the wall clock but 150 s of flight,
 * against RYR17UU's fresh ones, raised a conflict no one was in, and ended it {@code stale} when that fix aged
 * out (issue 22). A pair is now assessed only from fixes close in time ({@code proximity.max-fix-skew}).
 * Whatever the speed, the same tracks raise the same episodes, and none ends {@code stale} while both
 * aircraft still report.
 */
class ReplaySpeedTest {

    private static final Set<String> PAIR = Set.of("406755", "4ca679");
    private static final long WALL_START = Instant.parse("2026-12-03T12:00:00Z").toEpochMilli();

    @ParameterizedTest(name = "{0}x")
    @ValueSource(doubles = { 1, 10 })
    void anEpisodeOfTwoReportingAircraftNeverEndsStaleAndTheSpeedChangesNoEpisode(double speed) throws IOException {
        List<JsonNode> rows = rows();
        long recordingStart = rows.get(0).get("timestamp").asLong();
        long firstToLeave = Math.min(trackEnd(rows, "406755"), trackEnd(rows, "4ca679"));
        List<SafetyEvent> events = replay(rows, speed);
        for (SafetyEvent event : events) {
            if (!event.active() && "stale".equals(event.details().get("end_reason"))) {
                long endedInRecording = recordingStart
                        + Math.round((event.timestamp().toEpochMilli() - WALL_START) * speed);
                assertTrue(endedInRecording > firstToLeave, "ended stale at " + event.timestamp()
                        + " while both still reported: " + event);
            }
        }
        assertEquals(episodes(replay(rows, 1)), episodes(events),
                "played faster, the same two tracks raise the same episodes");
    }

    /** The pair's events, played as the stack plays the recording at {@code speed}. */
    private static List<SafetyEvent> replay(List<JsonNode> rows, double speed) {
        AviationSafetyConfig config = SafetyConfigs.defaults();
        SafetyEngine engine = new SafetyEngine(config);
        long recordingStart = rows.get(0).get("timestamp").asLong();
        long sweepEvery = config.sweepInterval().toMillis();
        long nextSweep = WALL_START + sweepEvery;
        List<Emission> out = new ArrayList<>();
        long lastWall = WALL_START;
        for (JsonNode row : rows) {
            long wall = WALL_START + Math.round((row.get("timestamp").asLong() - recordingStart) / speed);
            for (; nextSweep <= wall; nextSweep += sweepEvery) {
                out.addAll(engine.sweep(Instant.ofEpochMilli(nextSweep)));
            }
            out.addAll(engine.onPosition("default", position(row, Instant.ofEpochMilli(wall)), 0,
                    Instant.ofEpochMilli(wall)));
            lastWall = wall;
        }
        out.addAll(engine.sweep(Instant.ofEpochMilli(lastWall).plus(config.aircraftTimeout()).plusSeconds(1)));
        return out.stream().map(Emission::event)
                .filter(e -> e.icaoHex2() != null && PAIR.contains(e.icaoHex()) && PAIR.contains(e.icaoHex2()))
                .toList();
    }

    /** What was raised, by type, in order. */
    private static List<String> episodes(List<SafetyEvent> events) {
        return events.stream().filter(SafetyEvent::active).map(SafetyEvent::eventType).distinct().toList();
    }

    /**
     * The last fix of the aircraft's first flight in the recording: the airframe of EZY8062 (406755) flies again
     * hours later as EZY74DG, which is not this encounter's.
     */
    private static long trackEnd(List<JsonNode> rows, String hex) {
        long last = Long.MIN_VALUE;
        for (JsonNode row : rows) {
            if (hex.equals(row.get("icao24").asText())) {
                long at = row.get("timestamp").asLong();
                if (last != Long.MIN_VALUE && at - last > Duration.ofMinutes(1).toMillis()) {
                    return last;
                }
                last = at;
            }
        }
        return last;
    }

    private static AircraftPosition position(JsonNode r, Instant at) {
        return new AircraftPosition(r.get("icao24").asText(), r.get("callsign").asText().trim(),
                r.get("latitude").asDouble(), r.get("longitude").asDouble(), (int) Math.round(r.get("altitude").asDouble()),
                false, null, r.get("groundspeed").asDouble(), r.get("track").asDouble(),
                (int) Math.round(r.get("vertical_rate").asDouble()), null, null, null, null, false, null, null, null,
                0.0, false, at);
    }

    private static List<JsonNode> rows() throws IOException {
        List<JsonNode> rows = new ArrayList<>();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(SharedData.file("adsb/switzerland.json.gz")))) {
            for (JsonNode row : Json.mapper().readTree(in)) {
                if (PAIR.contains(row.get("icao24").asText()) && row.hasNonNull("latitude")) {
                    rows.add(row);
                }
            }
        }
        rows.sort((a, b) -> Long.compare(a.get("timestamp").asLong(), b.get("timestamp").asLong()));
        return rows;
    }
}
