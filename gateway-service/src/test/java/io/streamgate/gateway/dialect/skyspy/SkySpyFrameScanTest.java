package io.streamgate.gateway.dialect.skyspy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.streamgate.devstack.testing.SkySpyFrameScan;
import io.streamgate.gateway.engine.state.StateChange;
import io.streamgate.platform.aviation.AircraftPosition;
import io.streamgate.platform.json.Json;

/**
 * The load tool's streaming reading of SkySpy frames ({@link SkySpyFrameScan}, used by the gateway
 * benchmark's clients) agrees with a full JSON parse of the same frames, and the frames are the real
 * codec's: lone messages, batches cut by count and by size, deltas, removals, snapshots, heartbeats,
 * over seeded random aircraft (odd callsigns, a {@code type} field in the aircraft, missing values,
 * timestamps across two centuries).
 */
class SkySpyFrameScanTest {

    private static final java.time.Duration WINDOW = java.time.Duration.ofMillis(200);

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00.123Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    /** Seeded: the same aircraft every run. */
    private final Random random = new Random(20_261_123);

    @Test
    void batchesOfNewUpdatedAndRemovedAircraftAreCountedAndTimedAsAFullParseReadsThem() {
        SkySpyAircraftCodec codec = new SkySpyAircraftCodec(WINDOW, 7, 2_048, CLOCK, false);
        List<StateChange<AircraftPosition>> changes = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            StateChange.Kind kind = StateChange.Kind.values()[random.nextInt(3)];
            changes.add(new StateChange<>(kind, aircraft(i)));
        }
        List<String> frames = codec.encode(changes);
        List<Integer> sizes = frames.stream().map(f -> parse(f).path("messages").size()).toList();
        assertTrue(sizes.subList(0, sizes.size() - 1).contains(7) && sizes.subList(0, sizes.size() - 1).stream()
                .anyMatch(n -> n < 7), "the data has batches cut by count and by size: " + sizes);

        List<Long> scanned = new ArrayList<>();
        for (String frame : frames) {
            scanned.addAll(agreesWithFullParse(frame));
        }
        // And what both read is what was encoded: one time per new or updated aircraft, in order.
        List<Long> encoded = changes.stream().filter(c -> c.kind() != StateChange.Kind.REMOVE)
                .map(c -> eventTime(c.value())).toList();
        assertEquals(encoded, scanned);
    }

    @Test
    void loneMessagesDeltasSnapshotsAndHeartbeatsAgreeWithAFullParse() {
        SkySpyAircraftCodec full = new SkySpyAircraftCodec(WINDOW, 50, 1_048_576, CLOCK, false);
        SkySpyAircraftCodec delta = new SkySpyAircraftCodec(WINDOW, 50, 1_048_576, CLOCK, true);
        List<String> frames = new ArrayList<>();
        List<AircraftPosition> picture = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            AircraftPosition before = aircraft(i);
            AircraftPosition after = aircraft(i);
            picture.add(after);
            frames.addAll(full.encode(List.of(new StateChange<>(StateChange.Kind.NEW, before))));
            frames.addAll(full.encode(List.of(new StateChange<>(StateChange.Kind.UPDATE, after, before))));
            frames.addAll(delta.encode(List.of(new StateChange<>(StateChange.Kind.UPDATE, after, before))));
            frames.addAll(delta.encode(List.of(new StateChange<>(StateChange.Kind.UPDATE, after, before),
                    new StateChange<>(StateChange.Kind.NEW, aircraft(100 + i)))));
            frames.addAll(full.encode(List.of(new StateChange<>(StateChange.Kind.REMOVE, after))));
        }
        frames.add(full.snapshot(List.of()));
        frames.add(full.snapshot(picture));
        frames.add(full.heartbeat(picture.size()));
        frames.forEach(SkySpyFrameScanTest::agreesWithFullParse);
        assertTrue(frames.stream().anyMatch(f -> f.contains("\"type\":\"aircraft:delta\"")), "deltas were read");
    }

    @Test
    void somethingThatIsNotASkySpyMessageIsRefusedNotMiscounted() {
        for (String bad : List.of("[1,2]", "{\"data\":{}}", "{\"type\":\"batch\",\"messages\":[1]}", "{\"type\":")) {
            byte[] bytes = bad.getBytes(StandardCharsets.UTF_8);
            assertThrows(IllegalArgumentException.class, () -> SkySpyFrameScan.scan(bytes, 0, bytes.length, t -> {
            }), bad);
        }
    }

    /** Scans {@code frame} and compares with a full parse; returns the scanned event times. */
    private static List<Long> agreesWithFullParse(String frame) {
        // Scanned from the middle of a larger buffer, as a client's reused scratch buffer holds it.
        byte[] text = frame.getBytes(StandardCharsets.UTF_8);
        byte[] buffer = new byte[text.length + 20];
        System.arraycopy(text, 0, buffer, 7, text.length);
        buffer[7 + text.length] = '}';
        List<Long> scannedTimes = new ArrayList<>();
        SkySpyFrameScan.Result scanned = SkySpyFrameScan.scan(buffer, 7, text.length, scannedTimes::add);

        JsonNode parsed = parse(frame);
        String type = parsed.path("type").asText();
        List<JsonNode> messages = new ArrayList<>();
        if (type.equals("batch")) {
            parsed.path("messages").forEach(messages::add);
            assertEquals(parsed.path("count").asInt(), messages.size(), frame);
        } else {
            messages.add(parsed);
        }
        List<Long> parsedTimes = new ArrayList<>();
        for (JsonNode message : messages) {
            String kind = message.path("type").asText();
            if (kind.equals("aircraft:new") || kind.equals("aircraft:update")) {
                JsonNode timestamp = message.path("data").path("timestamp");
                parsedTimes.add(timestamp.isTextual() ? Instant.parse(timestamp.asText()).toEpochMilli() : Long.MIN_VALUE);
            }
        }
        assertEquals(new SkySpyFrameScan.Result(messages.size(), type.equals("aircraft:snapshot")), scanned, frame);
        assertEquals(parsedTimes, scannedTimes, frame);
        return scannedTimes;
    }

    private static long eventTime(AircraftPosition position) {
        return position.timestamp() == null ? Long.MIN_VALUE : position.timestamp().toEpochMilli();
    }

    /** A seeded random aircraft: values left out at random, callsigns that look like JSON, any century. */
    private AircraftPosition aircraft(int index) {
        String hex = String.format("%06x", 0x3c0000 + index);
        String[] callsigns = {"BCS361", "{\"type\":\"", "É\"}]},", "\\u0041", "SWR\n12", ""};
        String flight = random.nextInt(4) == 0 ? null : callsigns[random.nextInt(callsigns.length)];
        boolean onGround = random.nextInt(5) == 0;
        Integer altitude = random.nextInt(6) == 0 ? null : random.nextInt(45_000);
        Instant timestamp = random.nextInt(8) == 0 ? null
                : Instant.parse("1950-01-01T00:00:00Z").plus(Math.floorMod(random.nextLong(), 150L * 365 * 86_400_000),
                        ChronoUnit.MILLIS);
        return new AircraftPosition(hex, flight, random.nextDouble() * 180 - 90, random.nextDouble() * 360 - 180,
                altitude, onGround, random.nextBoolean() ? null : random.nextInt(45_000),
                random.nextBoolean() ? null : random.nextDouble() * 600, random.nextBoolean() ? null : random.nextDouble() * 360,
                random.nextBoolean() ? null : random.nextInt(6_000) - 3_000, null,
                random.nextBoolean() ? null : String.format("%04o", random.nextInt(4096)),
                random.nextInt(10) == 0 ? "general" : null, random.nextBoolean() ? "A3" : null, random.nextBoolean(),
                random.nextBoolean() ? null : "HB-" + index, random.nextBoolean() ? null : "B738",
                random.nextBoolean() ? null : -random.nextDouble() * 30, random.nextDouble() * 10, random.nextInt(7) == 0,
                timestamp);
    }

    private static JsonNode parse(String frame) {
        try {
            return Json.mapper().readTree(frame);
        } catch (Exception e) {
            throw new AssertionError(frame, e);
        }
    }
}
