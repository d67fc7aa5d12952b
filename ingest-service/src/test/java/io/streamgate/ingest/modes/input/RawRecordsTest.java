package io.streamgate.ingest.modes.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;

import org.junit.jupiter.api.Test;

import io.streamgate.ingest.modes.AircraftTracker;
import io.streamgate.ingest.modes.IcaoFilter;
import io.streamgate.ingest.modes.ModeSDecoder;
import io.streamgate.ingest.modes.ModeSFrame;
import io.streamgate.ingest.modes.Recordings;
import io.streamgate.ingest.modes.TrackedAircraft;
import io.streamgate.ingest.modes.TrackerSettings;
import io.streamgate.ingest.modes.framing.BeastFramer;
import io.streamgate.platform.aviation.AircraftPosition;

/** The tracker's state as the {@code AircraftPosition} every feed writes. */
class RawRecordsTest {

    @Test
    void theToulouseAircraftBecomesAPositionWithAltitudeSignalAndFixTime() {
        ModeSDecoder decoder = new ModeSDecoder(new IcaoFilter(60_000), true);
        ModeSFrame frame = new ModeSFrame();
        AircraftTracker tracker = new AircraftTracker(TrackerSettings.defaults());
        byte[] sample = Recordings.beastSample();
        new BeastFramer((payload, offset, length, ts, signal) -> {
            long now = ts / 12_000;
            if (length > 2 && decoder.decode(payload, offset, length, now, frame).decoded()) {
                frame.signal = signal;
                tracker.update(frame, now, 43.629, 1.364);
            }
        }).feed(sample, 0, sample.length);

        TrackedAircraft aircraft = tracker.get(0x48520a, false);
        AircraftPosition position = RawRecords.position(aircraft);
        assertEquals("48520a", position.hex());
        assertEquals(aircraft.lat, position.lat());
        assertEquals(aircraft.lon, position.lon());
        assertEquals(aircraft.altitudeBaro, position.altBaro());
        assertFalse(position.onGround());
        assertNotNull(position.rssi());
        assertTrue(position.rssi() <= 0, "dBFS: " + position.rssi());
        assertEquals(aircraft.positionAt, position.timestamp().toEpochMilli());
        assertEquals(0.0, position.seenPos());
        assertFalse(position.stale());
    }

    @Test
    void theEmergencyStateAndSquawkOfTc28AreTheEmergencyField() {
        ModeSDecoder decoder = new ModeSDecoder(new IcaoFilter(60_000), true);
        ModeSFrame frame = new ModeSFrame();
        AircraftTracker tracker = new AircraftTracker(TrackerSettings.defaults());
        byte[] status = HexFormat.of().parseHex("8DA2C1B6E112B600000000760759");
        assertTrue(decoder.decode(status, 0, 14, 1, frame).decoded());
        tracker.update(frame, 1, Double.NaN, Double.NaN);
        TrackedAircraft aircraft = tracker.last();
        aircraft.lat = 40;
        aircraft.lon = -75;
        aircraft.positionAt = 1;
        AircraftPosition position = RawRecords.position(aircraft);
        assertEquals("6513", position.squawk());
        assertEquals("none", position.emergency());
    }
}
