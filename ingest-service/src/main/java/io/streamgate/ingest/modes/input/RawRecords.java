package io.streamgate.ingest.modes.input;

import java.time.Instant;

import io.streamgate.ingest.adsb.Emergencies;
import io.streamgate.ingest.modes.ModeSFrame;
import io.streamgate.ingest.modes.TrackedAircraft;
import io.streamgate.platform.aviation.AcasAdvisory;
import io.streamgate.platform.aviation.AircraftPosition;

/** Turns the tracker's per-aircraft state into the platform records the other feeds write. */
final class RawRecords {

    private static final String[] EMERGENCY_STATES = {
        Emergencies.NONE, Emergencies.GENERAL, "lifeguard", "minfuel", Emergencies.NORDO, Emergencies.UNLAWFUL,
        "downed", null };
    /** The first ARA bit: one threat, the rest of ARA reads as a single RA. */
    private static final int ARA_SINGLE_THREAT = 1 << 13;
    /** ARA bit 3 (from the first): downward sense. */
    private static final int ARA_DOWNWARD = 1 << 11;

    private RawRecords() {
    }

    static AircraftPosition position(TrackedAircraft a) {
        String squawk = a.squawkAt != 0 ? String.format("%04x", a.squawk) : null;
        String reported = a.emergencyState >= 0 ? EMERGENCY_STATES[a.emergencyState] : null;
        Integer altBaro = a.altitudeBaroAt != 0 && !a.onGround ? a.altitudeBaro : null;
        Integer altGeom = a.altitudeGnssAt != 0 ? a.altitudeGnss : null;
        boolean velocity = a.velocityAt != 0;
        Integer baroRate = a.verticalRateAt != 0 && a.verticalRateBaro ? a.verticalRate : null;
        Integer geomRate = a.verticalRateAt != 0 && !a.verticalRateBaro ? a.verticalRate : null;
        // readsb's rssi: the Beast signal byte as amplitude relative to full scale, in dB
        Double rssi = a.signal > 0 ? Math.round(200 * Math.log10(a.signal / 255.0)) / 10.0 : null;
        return new AircraftPosition(a.hex(), a.callsign, a.lat, a.lon, altBaro, a.onGround, altGeom,
                velocity ? round(a.groundSpeed) : null, velocity ? round(a.track) : null, baroRate, geomRate, squawk,
                Emergencies.resolve(reported, squawk), a.category, false, null, null, rssi, 0.0, false,
                Instant.ofEpochMilli(a.positionAt));
    }

    static AcasAdvisory advisory(TrackedAircraft a, ModeSFrame f, long nowMillis) {
        String sense = (f.ara & ARA_SINGLE_THREAT) != 0 ? ((f.ara & ARA_DOWNWARD) != 0 ? "descend" : "climb") : null;
        String threat = f.threatType == 1 ? String.format("%06x", f.threatAddress) : null;
        boolean positioned = a.positionAt != 0;
        return new AcasAdvisory(a.hex(), f.ara, f.rac, sense, f.raTerminated, f.multipleThreats, threat, f.df,
                positioned ? a.lat : null, positioned ? a.lon : null, a.altitudeBaroAt != 0 ? a.altitudeBaro : null,
                Instant.ofEpochMilli(nowMillis));
    }

    /** What makes one advisory report differ from the previous one. */
    static long advisorySignature(ModeSFrame f) {
        return ((long) f.ara << 40) | ((long) f.rac << 36) | (f.raTerminated ? 1L << 35 : 0)
                | (f.multipleThreats ? 1L << 34 : 0) | ((long) f.threatType << 32) | (f.threatAddress & 0xFFFFFFFFL);
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
