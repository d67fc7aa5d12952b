package io.streamgate.ingest.adsb;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import io.streamgate.platform.problem.FieldProblem;
import io.streamgate.service.problem.InvalidRequestException;
import io.streamgate.platform.aviation.AircraftPosition;

/**
 * Reads the {@code aircraft.json} that readsb, dump1090-fa and tar1090 write ({@code {now, messages,
 * aircraft:[…]}}) into normalised positions. Every problem in the document is collected, so that a
 * rejection names each bad aircraft and field at once.
 */
public final class AircraftJsonParser {

    private static final Pattern HEX = Pattern.compile("~?[0-9a-fA-F]{6}");
    private static final Pattern SQUAWK = Pattern.compile("[0-7]{4}");
    /** readsb's {@code dbFlags} bit for military airframes. */
    private static final int MILITARY_FLAG = 1;

    private final Supplier<Instant> clock;
    private final double staleAfterSeconds;

    /**
     * @param clock      the receive time, used when a document carries no {@code now}
     * @param staleAfter positions whose {@code seen_pos} is over this are marked stale
     */
    public AircraftJsonParser(Supplier<Instant> clock, Duration staleAfter) {
        this.clock = clock;
        this.staleAfterSeconds = staleAfter.toMillis() / 1000.0;
    }

    /** @throws InvalidRequestException naming every bad field, when anything is wrong */
    public ReceiverSnapshot parse(JsonNode document) {
        List<FieldProblem> problems = new ArrayList<>();
        if (document == null || !document.isObject()) {
            throw new InvalidRequestException("the body is not an aircraft.json object",
                    List.of(new FieldProblem("", "expected a JSON object with an 'aircraft' array")));
        }
        JsonNode now = document.get("now");
        Instant receiverTime = clock.get();
        if (now != null) {
            if (now.isNumber() && now.asDouble() > 0) {
                receiverTime = Instant.ofEpochMilli(Math.round(now.asDouble() * 1000));
            } else {
                problems.add(new FieldProblem("/now", "must be the receiver's time in seconds since the epoch"));
            }
        }
        JsonNode aircraft = document.get("aircraft");
        if (aircraft == null || !aircraft.isArray()) {
            problems.add(new FieldProblem("/aircraft", "must be an array"));
            throw new InvalidRequestException("the body is not an aircraft.json document", problems);
        }
        List<AircraftPosition> positions = new ArrayList<>();
        int withoutPosition = 0;
        for (int i = 0; i < aircraft.size(); i++) {
            AircraftReader reader = new AircraftReader(aircraft.get(i), "/aircraft/" + i, problems);
            if (reader.hasPosition()) {
                reader.read(receiverTime, staleAfterSeconds).ifPresent(positions::add);
            } else {
                reader.validateWithoutPosition();
                withoutPosition++;
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems.size() + " problem(s) in aircraft.json", problems);
        }
        return new ReceiverSnapshot(receiverTime, List.copyOf(positions), withoutPosition);
    }

    /** Reads one element of the {@code aircraft} array, recording what is wrong with it. */
    private static final class AircraftReader {

        private final JsonNode node;
        private final String pointer;
        private final List<FieldProblem> problems;
        private final int problemsBefore;

        AircraftReader(JsonNode node, String pointer, List<FieldProblem> problems) {
            this.node = node;
            this.pointer = pointer;
            this.problems = problems;
            this.problemsBefore = problems.size();
            if (node == null || !node.isObject()) {
                problems.add(new FieldProblem(pointer, "must be an object"));
            }
        }

        boolean hasPosition() {
            return node != null && node.isObject() && (node.has("lat") || node.has("lon"));
        }

        void validateWithoutPosition() {
            if (node != null && node.isObject()) {
                hex();
            }
        }

        Optional<AircraftPosition> read(Instant receiverTime, double staleAfterSeconds) {
            String hex = hex();
            Double lat = number("lat", -90, 90, true);
            Double lon = number("lon", -180, 180, true);
            JsonNode altBaroNode = node.get("alt_baro");
            Integer altBaro = null;
            boolean onGround = false;
            if (altBaroNode != null && !altBaroNode.isNull()) {
                if (altBaroNode.isTextual() && "ground".equals(altBaroNode.asText())) {
                    onGround = true;
                } else if (altBaroNode.isNumber()) {
                    altBaro = altBaroNode.asInt();
                } else {
                    problem("alt_baro", "must be feet or \"ground\"");
                }
            }
            Double seenPos = number("seen_pos", 0, Double.MAX_VALUE, false);
            String squawk = text("squawk");
            if (squawk != null && !SQUAWK.matcher(squawk).matches()) {
                problem("squawk", "must be four octal digits");
            }
            Integer dbFlags = integer("dbFlags");
            AircraftPosition position = null;
            if (problems.size() == problemsBefore) {
                Instant fixed = seenPos == null ? receiverTime
                        : receiverTime.minusMillis(Math.round(seenPos * 1000));
                position = new AircraftPosition(hex, callsign(), lat, lon, altBaro, onGround, integer("alt_geom"),
                        number("gs", 0, Double.MAX_VALUE, false), number("track", 0, 360, false),
                        integer("baro_rate"), integer("geom_rate"), squawk,
                        Emergencies.resolve(text("emergency"), squawk), text("category"),
                        dbFlags != null && (dbFlags & MILITARY_FLAG) != 0, text("r"), text("t"),
                        number("rssi", -Double.MAX_VALUE, Double.MAX_VALUE, false), seenPos,
                        seenPos != null && seenPos > staleAfterSeconds, fixed);
            }
            return Optional.ofNullable(position);
        }

        private String hex() {
            JsonNode hex = node.get("hex");
            if (hex == null || !hex.isTextual() || !HEX.matcher(hex.asText()).matches()) {
                problem("hex", "must be a 24-bit ICAO address in hex, optionally prefixed by '~'");
                return null;
            }
            return hex.asText().toLowerCase(Locale.ROOT);
        }

        private String callsign() {
            String flight = text("flight");
            if (flight == null) {
                return null;
            }
            String trimmed = flight.strip();
            return trimmed.isEmpty() ? null : trimmed;
        }

        private String text(String field) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                return null;
            }
            if (!value.isTextual()) {
                problem(field, "must be a string");
                return null;
            }
            return value.asText();
        }

        private Integer integer(String field) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                return null;
            }
            if (!value.isNumber()) {
                problem(field, "must be a number");
                return null;
            }
            return (int) Math.round(value.asDouble());
        }

        private Double number(String field, double min, double max, boolean required) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                if (required) {
                    problem(field, "is required when the aircraft has a position");
                }
                return null;
            }
            if (!value.isNumber() || value.asDouble() < min || value.asDouble() > max) {
                problem(field, max == Double.MAX_VALUE ? "must be a number" : "must be a number from " + fmt(min)
                        + " to " + fmt(max));
                return null;
            }
            return value.asDouble();
        }

        private void problem(String field, String detail) {
            problems.add(new FieldProblem(pointer + "/" + field, detail));
        }

        private static String fmt(double value) {
            return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
        }
    }
}
