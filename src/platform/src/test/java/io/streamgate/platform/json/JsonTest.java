package io.streamgate.platform.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.streamgate.platform.aviation.AircraftPosition;

class JsonTest {

    private final AircraftPosition position = new AircraftPosition("3c71a1", "BCS361", 51.345256, -2.052231,
            41000, false, 42600, 533.7, 79.6, 0, -32, "2274", null, null, false, null, null, -26.2, 5.9, false,
            Instant.parse("2026-07-29T12:28:35.600Z"));

    @Test
    void aircraftPositionsUseTheWireSpellingAndIsoTimestamps() {
        String json = new String(Json.encode(position), StandardCharsets.UTF_8);

        assertTrue(json.contains("\"alt_baro\":41000"), json);
        assertTrue(json.contains("\"gs\":533.7"), json);
        assertTrue(json.contains("\"is_military\":false"), json);
        assertTrue(json.contains("\"timestamp\":\"2026-07-29T12:28:35.600Z\""), json);
        assertTrue(json.contains("\"stale\":false"), "consumers can rely on the flag being present: " + json);
        assertFalse(json.contains("emergency"), "absent values are left out: " + json);
    }

    @Test
    void aircraftPositionsRoundTrip() {
        assertEquals(position, Json.decode(Json.encode(position), AircraftPosition.class));
    }

    @Test
    void recordsWrittenBeforeTheStaleFlagExistedReadAsFresh() {
        String json = "{\"hex\":\"abc123\",\"lat\":1.5,\"lon\":2.5,\"seen_pos\":0.4,"
                + "\"timestamp\":\"2026-01-01T00:00:00Z\"}";
        assertFalse(Json.decode(json.getBytes(StandardCharsets.UTF_8), AircraftPosition.class).stale());
    }

    @Test
    void unknownFieldsFromNewerProducersAreTolerated() {
        String json = "{\"hex\":\"abc123\",\"lat\":1.5,\"lon\":2.5,\"future_field\":42,"
                + "\"timestamp\":\"2026-01-01T00:00:00Z\"}";
        AircraftPosition decoded = Json.decode(json.getBytes(StandardCharsets.UTF_8), AircraftPosition.class);
        assertEquals("abc123", decoded.hex());
        assertEquals(1.5, decoded.lat());
    }

    @Test
    void everyDoubleReadsBackAsItselfAndAsTheJdkReadsIt() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(11);
        for (int i = 0; i < 100_000; i++) {
            double value = switch (i % 3) {
                case 0 -> Double.longBitsToDouble(random.nextLong()); // any bit pattern
                case 1 -> Math.round(random.nextDouble(-180, 180) * 1e6) / 1e6; // a coordinate
                default -> Math.round(random.nextDouble(0, 1000) * 10) / 10.0; // a speed, a track
            };
            if (Double.isNaN(value) || Double.isInfinite(value)) {
                continue;
            }
            String text = new String(Json.encode(new double[] {value}), StandardCharsets.UTF_8);
            String number = text.substring(1, text.length() - 1);
            assertEquals(value, Double.parseDouble(number), number);
            assertEquals(value, Json.decode(text.getBytes(StandardCharsets.UTF_8), double[].class)[0], number);
        }
    }
}
