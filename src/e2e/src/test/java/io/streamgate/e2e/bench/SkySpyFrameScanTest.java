package io.streamgate.e2e.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The benchmark's byte-level reading of SkySpy frames agrees with what the gateway writes. */
class SkySpyFrameScanTest {

    private static final String UPDATE = "{\"type\":\"aircraft:update\",\"data\":{\"hex\":\"3c71a1\",\"flight\":\"BCS361\","
            + "\"lat\":51.3,\"lon\":0.1,\"alt_baro\":3000,\"is_military\":false,\"type\":\"B738\",\"seen_pos\":0.0,"
            + "\"timestamp\":\"2026-11-23T12:00:00.123Z\"}}";
    private static final String NEW = "{\"type\":\"aircraft:new\",\"data\":{\"hex\":\"4b1812\",\"lat\":47.1,\"lon\":8.5,"
            + "\"is_military\":false,\"timestamp\":\"2024-02-29T23:59:59.999Z\"}}";

    @Test
    void aBatchCountsItsMessagesAndTimesEachPosition() {
        String batch = "{\"type\":\"batch\",\"messages\":[" + UPDATE + "," + NEW
                + ",{\"type\":\"aircraft:remove\",\"data\":{\"hex\":\"abcdef\",\"reason\":\"timeout\"}}],\"count\":3,"
                + "\"timestamp\":\"2030-01-01T00:00:00.000Z\"}";
        List<Long> times = new ArrayList<>();
        SkySpyFrameScan.Result result = scan(batch, times);
        assertEquals(3, result.messages());
        assertFalse(result.snapshot());
        assertEquals(List.of(Instant.parse("2026-11-23T12:00:00.123Z").toEpochMilli(),
                Instant.parse("2024-02-29T23:59:59.999Z").toEpochMilli()), times);
    }

    @Test
    void aLoneMessageAndAHeartbeat() {
        List<Long> times = new ArrayList<>();
        assertEquals(1, scan(UPDATE, times).messages());
        assertEquals(1, times.size());
        times.clear();
        assertEquals(1, scan("{\"type\":\"aircraft:heartbeat\",\"data\":{\"count\":5,"
                + "\"timestamp\":\"2026-11-23T12:00:00.000Z\"}}", times).messages());
        assertTrue(times.isEmpty(), "a heartbeat's time is not an event time");
    }

    @Test
    void aSnapshotIsOneMessageAndNotTimed() {
        List<Long> times = new ArrayList<>();
        SkySpyFrameScan.Result result = scan("{\"type\":\"aircraft:snapshot\",\"data\":{\"aircraft\":[{\"hex\":\"3c71a1\","
                + "\"timestamp\":\"2026-11-23T12:00:00.123Z\"}],\"count\":1,\"timestamp\":\"2026-11-23T12:00:01.000Z\"}}", times);
        assertEquals(1, result.messages());
        assertTrue(result.snapshot());
        assertTrue(times.isEmpty());
    }

    @Test
    void aPositionWithoutTimestampIsReportedUnreadable() {
        List<Long> times = new ArrayList<>();
        scan("{\"type\":\"batch\",\"messages\":[{\"type\":\"aircraft:update\",\"data\":{\"hex\":\"3c71a1\"}}," + NEW
                + "],\"count\":2,\"timestamp\":\"2030-01-01T00:00:00.000Z\"}", times);
        assertEquals(List.of(Long.MIN_VALUE, Instant.parse("2024-02-29T23:59:59.999Z").toEpochMilli()), times);
    }

    @Test
    void datesAcrossCenturiesMatchTheJdk() {
        for (String text : List.of("1970-01-01T00:00:00.000Z", "2000-03-01T00:00:00.001Z", "2100-12-31T23:59:59.999Z",
                "2038-01-19T03:14:08.000Z")) {
            byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
            assertEquals(Instant.parse(text).toEpochMilli(), SkySpyFrameScan.epochMillis(bytes, 0, bytes.length), text);
        }
    }

    private static SkySpyFrameScan.Result scan(String frame, List<Long> times) {
        byte[] bytes = frame.getBytes(StandardCharsets.UTF_8);
        return SkySpyFrameScan.scan(bytes, bytes.length, times::add);
    }
}
