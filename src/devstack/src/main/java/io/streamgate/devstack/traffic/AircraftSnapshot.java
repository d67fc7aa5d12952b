package io.streamgate.devstack.traffic;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import com.fasterxml.jackson.core.JsonGenerator;

import io.streamgate.platform.json.Json;

/**
 * What a receiver would have written to {@code aircraft.json} at one moment of the recording.
 *
 * @param simulatedNow the receiver's clock in recording time (epoch ms): the newest fix in the snapshot
 * @param rows         the fixes, oldest first
 */
public record AircraftSnapshot(long simulatedNow, List<StateVector> rows) {

    public AircraftSnapshot {
        rows = List.copyOf(rows);
    }

    public int size() {
        return rows.size();
    }

    public long withoutPosition() {
        return rows.stream().filter(r -> !r.hasPosition()).count();
    }

    /**
     * The readsb {@code aircraft.json} of this snapshot, as if written at {@code nowMillis} of the real
     * clock, so that a replayed position looks live.
     *
     * @param speed how much faster than real time the recording plays: a fix that is 10 s older than the
     *              snapshot in recording time is {@code 10 / speed} s old on the wall clock
     *              ({@code seen_pos}); 1 keeps recording time
     */
    public byte[] toAircraftJson(long nowMillis, double speed) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 + rows.size() * 170);
        try (JsonGenerator json = Json.mapper().getFactory().createGenerator(out)) {
            json.writeStartObject();
            json.writeNumberField("now", nowMillis / 1000.0);
            json.writeArrayFieldStart("aircraft");
            for (StateVector row : rows) {
                writeAircraft(json, row, (simulatedNow - row.timestamp()) / 1000.0 / speed);
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void writeAircraft(JsonGenerator json, StateVector row, double age) throws IOException {
        json.writeStartObject();
        json.writeStringField("hex", row.icao24());
        if (row.callsign() != null) {
            // readsb pads callsigns to eight characters; ingest strips the padding.
            json.writeStringField("flight", String.format("%-8s", row.callsign()));
        }
        if (!Double.isNaN(row.altitudeFt())) {
            json.writeNumberField("alt_baro", Math.round(row.altitudeFt()));
        }
        if (!Double.isNaN(row.groundspeedKt())) {
            json.writeNumberField("gs", round(row.groundspeedKt(), 1));
        }
        if (!Double.isNaN(row.track())) {
            json.writeNumberField("track", round(row.track(), 2));
        }
        if (!Double.isNaN(row.verticalRateFpm())) {
            json.writeNumberField("baro_rate", Math.round(row.verticalRateFpm()));
        }
        if (row.hasPosition()) {
            json.writeNumberField("lat", round(row.latitude(), 6));
            json.writeNumberField("lon", round(row.longitude(), 6));
            json.writeNumberField("seen_pos", round(age, 3));
        }
        json.writeNumberField("seen", round(age, 3));
        json.writeEndObject();
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
