package io.streamgate.devstack.traffic;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import io.streamgate.platform.json.Json;

/**
 * A recording of state vectors (a JSON array of {@code {timestamp, icao24, callsign, latitude,
 * longitude, altitude, groundspeed, track, vertical_rate}}, optionally gzipped), in time order.
 *
 * @param rows every row, sorted by timestamp; rows of the same timestamp keep the file's order
 */
public record StateVectorRecording(List<StateVector> rows) {

    /** The Swiss recording in {@code data/}: 139,098 rows, 842 aircraft, 17 h on 2018-08-01. */
    public static final String SWISS = "adsb/switzerland.json.gz";

    public StateVectorRecording {
        rows = List.copyOf(rows);
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("a recording needs at least one row");
        }
    }

    /**
     * Reads the file with Jackson's streaming parser: the Swiss file is 29 MB of JSON, and a tree of it
     * would not fit the launcher's 256 MB heap beside everything else.
     */
    public static StateVectorRecording load(Path file) {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
                InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
                JsonParser parser = Json.mapper().getFactory().createParser(in)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new IllegalArgumentException(file + " is not a JSON array of state vectors");
            }
            Map<String, String> interned = new HashMap<>();
            List<StateVector> rows = new ArrayList<>(150_000);
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                rows.add(readRow(parser, interned));
            }
            rows.sort(Comparator.comparingLong(StateVector::timestamp));
            return new StateVectorRecording(rows);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the state-vector recording " + file, e);
        }
    }

    private static StateVector readRow(JsonParser parser, Map<String, String> interned) throws IOException {
        long timestamp = Long.MIN_VALUE;
        String icao24 = null;
        String callsign = null;
        double latitude = Double.NaN;
        double longitude = Double.NaN;
        double altitude = Double.NaN;
        double groundspeed = Double.NaN;
        double track = Double.NaN;
        double verticalRate = Double.NaN;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (field) {
                case "timestamp" -> timestamp = value.isNumeric() ? parser.getValueAsLong() : Long.MIN_VALUE;
                case "icao24" -> icao24 = text(parser, value, interned);
                case "callsign" -> callsign = text(parser, value, interned);
                case "latitude" -> latitude = number(parser, value);
                case "longitude" -> longitude = number(parser, value);
                case "altitude" -> altitude = number(parser, value);
                case "groundspeed" -> groundspeed = number(parser, value);
                case "track" -> track = number(parser, value);
                case "vertical_rate" -> verticalRate = number(parser, value);
                default -> parser.skipChildren();
            }
        }
        if (timestamp == Long.MIN_VALUE || icao24 == null) {
            throw new IllegalArgumentException("a state vector without timestamp or icao24 near "
                    + parser.currentLocation());
        }
        return new StateVector(timestamp, icao24.toLowerCase(Locale.ROOT), callsign, latitude, longitude, altitude,
                groundspeed, track, verticalRate);
    }

    private static String text(JsonParser parser, JsonToken value, Map<String, String> interned) throws IOException {
        if (value != JsonToken.VALUE_STRING) {
            return null;
        }
        String text = parser.getText().strip();
        return text.isEmpty() ? null : interned.computeIfAbsent(text, t -> t);
    }

    private static double number(JsonParser parser, JsonToken value) throws IOException {
        return value.isNumeric() ? parser.getDoubleValue() : Double.NaN;
    }

    public long startMillis() {
        return rows.get(0).timestamp();
    }

    public long endMillis() {
        return rows.get(rows.size() - 1).timestamp();
    }

    /** Rows per aircraft, in first-seen order. */
    public Map<String, Integer> rowsPerAircraft() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        rows.forEach(r -> counts.merge(r.icao24(), 1, Integer::sum));
        return counts;
    }

    /** Rows with a position per aircraft: what ingest turns into {@code aircraft.positions} records. */
    public Map<String, Integer> positionsPerAircraft() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        rows.stream().filter(StateVector::hasPosition).forEach(r -> counts.merge(r.icao24(), 1, Integer::sum));
        return counts;
    }

    public long rowsWithoutPosition() {
        return rows.stream().filter(r -> !r.hasPosition()).count();
    }
}
