package io.streamgate.platform.safety;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One safety event as written to {@code safety.events} (key: {@link #id()} in decimal) and as SkySpy
 * clients receive it in {@code safety:event} and {@code safety:snapshot}. One event is one episode of a
 * condition (an emergency squawk, a proximity conflict, …): it is written when the episode opens, again
 * when it changes in a way a user must see (a higher severity), and a last time with {@code active: false}
 * when it ends. Every record of one episode carries the same id, so the latest record per id is the
 * episode's current state.
 *
 * @param id           the episode's number, the same on every record of the episode; a JavaScript-safe
 *                     integer (below 2<sup>53</sup>) that grows with {@code first_seen}
 * @param timestamp    when this record was written, in event time (the position that raised, changed or
 *                     ended the episode; the service clock for an episode ended by silence)
 * @param eventType    one of the {@code TYPE_*} constants
 * @param severity     {@code critical}, {@code high}, {@code medium} or {@code low}
 * @param icaoHex      the aircraft; for a pair, the one whose hex sorts first
 * @param icaoHex2     the other aircraft of a pair, else absent
 * @param callsign     callsign of {@code icao_hex}, when known
 * @param callsign2    callsign of {@code icao_hex_2}, when known
 * @param message      one line for people
 * @param details      what the detector saw: squawk, altitude, position {lat, lon}, distances, tau, cpa …,
 *                     and {@code end_reason} on the closing record
 * @param firstSeen    when the condition was first seen in this episode (event time)
 * @param lastSeen     when the condition was last seen (event time)
 * @param active       true while the episode is ongoing; false on its closing record
 * @param acknowledged always false here: acknowledgements are a user action recorded elsewhere
 */
public record SafetyEvent(
        @JsonProperty("id") long id,
        @JsonProperty("timestamp") Instant timestamp,
        @JsonProperty("event_type") String eventType,
        @JsonProperty("severity") String severity,
        @JsonProperty("icao_hex") String icaoHex,
        @JsonProperty("icao_hex_2") String icaoHex2,
        @JsonProperty("callsign") String callsign,
        @JsonProperty("callsign_2") String callsign2,
        @JsonProperty("message") String message,
        @JsonProperty("details") Map<String, Object> details,
        @JsonProperty("first_seen") Instant firstSeen,
        @JsonProperty("last_seen") Instant lastSeen,
        @JsonProperty("active") boolean active,
        @JsonProperty("acknowledged") boolean acknowledged) {

    public static final String CRITICAL = "critical";
    public static final String HIGH = "high";
    public static final String MEDIUM = "medium";
    public static final String LOW = "low";

    /** Squawk 7500, 7600 or 7700 ({@code details.squawk}, {@code details.emergency}). */
    public static final String TYPE_EMERGENCY_SQUAWK = "emergency_squawk";
    /** An ADS-B emergency status without an emergency squawk: lifeguard, minfuel, downed, … */
    public static final String TYPE_EMERGENCY = "emergency";
    /** A pair inside TCAS II resolution-advisory thresholds. */
    public static final String TYPE_TCAS_RA = "TCAS_RA";
    /** A pair inside TCAS II traffic-advisory thresholds. */
    public static final String TYPE_TCAS_TA = "TCAS_TA";
    /** A pair predicted to lose (or having lost) radar separation, ATC short-term-conflict-alert style. */
    public static final String TYPE_PROXIMITY_CONFLICT = "proximity_conflict";
    /** An airborne aircraft below the low-altitude threshold. */
    public static final String TYPE_LOW_ALTITUDE = "low_altitude";
    /** An airborne aircraft climbing or descending faster than the vertical-rate threshold. */
    public static final String TYPE_EXTREME_VERTICAL_RATE = "extreme_vertical_rate";

    private static final Set<String> SEVERITIES = Set.of(CRITICAL, HIGH, MEDIUM, LOW);

    public SafetyEvent {
        if (!SEVERITIES.contains(severity)) {
            throw new IllegalArgumentException("unknown severity " + severity);
        }
        if (eventType == null || icaoHex == null || timestamp == null || firstSeen == null || lastSeen == null) {
            throw new IllegalArgumentException("a safety event needs event_type, icao_hex, timestamp, first_seen "
                    + "and last_seen");
        }
        // Keep the detector's key order on the wire; Map.copyOf would scramble it.
        details = details == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    /** True for events about two aircraft. Not a wire field: {@code icao_hex_2} says it. */
    @JsonIgnore
    public boolean isPair() {
        return icaoHex2 != null;
    }

    /** Orders severities: critical 3, high 2, medium 1, low 0. */
    public static int rank(String severity) {
        return switch (severity) {
            case CRITICAL -> 3;
            case HIGH -> 2;
            case MEDIUM -> 1;
            case LOW -> 0;
            default -> throw new IllegalArgumentException("unknown severity " + severity);
        };
    }
}
