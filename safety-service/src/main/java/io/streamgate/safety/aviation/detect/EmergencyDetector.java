package io.streamgate.safety.aviation.detect;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.streamgate.platform.aviation.AircraftPosition;
import io.streamgate.platform.safety.SafetyEvent;
import io.streamgate.safety.aviation.AviationSafetyConfig;
import io.streamgate.safety.aviation.Emission;

/**
 * Emergency squawks (7500, 7600, 7700) and ADS-B emergency states: one episode from the first position
 * that reports one until positions report none again; no confirmation and no cooldown, because an
 * emergency must reach people at once and every new one matters.
 *
 * <p>Unlike the other detectors it also reads positions ingest marked stale: the squawk is not part of
 * the position fix, and a receiver that lost the position can still be hearing the code. Only a fix
 * older than the aircraft timeout is ignored, since it cannot describe the aircraft any more.
 */
final class EmergencyDetector {

    private record Kind(String type, String severity, String label, String message) {
    }

    private static final String SQUAWK = "squawk:";
    private static final String STATUS = "emergency:";
    private static final String NONE = "";

    private static final Map<String, Kind> KINDS = Map.ofEntries(
            Map.entry(SQUAWK + "7500", new Kind(SafetyEvent.TYPE_EMERGENCY_SQUAWK, SafetyEvent.CRITICAL, "hijack",
                    "Hijack squawk 7500 detected")),
            Map.entry(SQUAWK + "7600", new Kind(SafetyEvent.TYPE_EMERGENCY_SQUAWK, SafetyEvent.HIGH, "radio failure",
                    "Radio failure squawk 7600 detected")),
            Map.entry(SQUAWK + "7700", new Kind(SafetyEvent.TYPE_EMERGENCY_SQUAWK, SafetyEvent.CRITICAL, "emergency",
                    "Emergency squawk 7700 detected")),
            Map.entry(STATUS + "general", status(SafetyEvent.CRITICAL, "general emergency")),
            Map.entry(STATUS + "unlawful", status(SafetyEvent.CRITICAL, "unlawful interference")),
            Map.entry(STATUS + "downed", status(SafetyEvent.CRITICAL, "downed aircraft")),
            Map.entry(STATUS + "nordo", status(SafetyEvent.HIGH, "no communications")),
            Map.entry(STATUS + "minfuel", status(SafetyEvent.HIGH, "minimum fuel")),
            Map.entry(STATUS + "lifeguard", status(SafetyEvent.MEDIUM, "lifeguard (medical)")));

    private final long timeoutMillis;
    private final int clearCount;
    private final EpisodeLog log;

    EmergencyDetector(AviationSafetyConfig config, EpisodeLog log) {
        this.timeoutMillis = config.aircraftTimeout().toMillis();
        this.clearCount = config.emergency().clearCount();
        this.log = log;
    }

    void evaluate(String tenant, TrackedAircraft a, Instant now, List<Emission> out) {
        if (now.toEpochMilli() - a.time.toEpochMilli() > timeoutMillis || a.ghost) {
            return;
        }
        String condition = condition(a.position);
        if (condition == null) {
            return;
        }
        if (a.emergency != null) {
            if (condition.equals(a.emergencyCondition)) {
                a.emergencyClears = 0;
                a.emergency.seen(a.time);
                a.emergency.callsigns(a.callsign(), null);
            } else if (!condition.equals(NONE)) {
                close(a, a.time, "changed", out);
                open(tenant, a, condition, out);
            } else if (++a.emergencyClears >= clearCount) {
                close(a, a.time, "ended", out);
            }
        } else if (!condition.equals(NONE)) {
            open(tenant, a, condition, out);
        }
    }

    /** Ends the aircraft's open emergency episode, if any. */
    void close(TrackedAircraft a, Instant at, String reason, List<Emission> out) {
        if (a.emergency == null) {
            return;
        }
        Kind kind = kind(a.emergencyCondition);
        log.close(a.emergency, at, kind.message().replace(" detected", " ended"), details(a, kind), reason, out);
        a.emergency = null;
        a.emergencyCondition = null;
        a.emergencyClears = 0;
    }

    private void open(String tenant, TrackedAircraft a, String condition, List<Emission> out) {
        Kind kind = kind(condition);
        Episode episode = log.open(tenant, kind.type(), kind.severity(), a.hex, null, a.time);
        episode.callsigns(a.callsign(), null);
        a.emergency = episode;
        a.emergencyCondition = condition;
        a.emergencyClears = 0;
        out.add(episode.emit(a.time, kind.message(), details(a, kind).map(), true));
    }

    /**
     * {@code squawk:7700}, {@code emergency:minfuel}, {@link #NONE} when the position reports a squawk or
     * an emergency state and neither is one, null when it reports neither (nothing learned).
     */
    static String condition(AircraftPosition p) {
        String squawk = p.squawk();
        if (squawk != null && KINDS.containsKey(SQUAWK + squawk)) {
            return SQUAWK + squawk;
        }
        String status = p.emergency();
        if (status != null && !status.isBlank() && !status.equals("none")) {
            return STATUS + status;
        }
        return squawk == null && status == null ? null : NONE;
    }

    private static Kind kind(String condition) {
        Kind kind = KINDS.get(condition);
        if (kind != null) {
            return kind;
        }
        String status = condition.substring(STATUS.length());
        return status(SafetyEvent.MEDIUM, status);
    }

    private static Kind status(String severity, String label) {
        return new Kind(SafetyEvent.TYPE_EMERGENCY, severity, label, "Emergency status: " + label + " reported");
    }

    private static Details details(TrackedAircraft a, Kind kind) {
        AircraftPosition p = a.position;
        Details details = new Details().put("squawk", p.squawk()).put("emergency", p.emergency())
                .put("label", kind.label())
                .put("altitude", p.onGround() ? "ground" : p.altBaro())
                .position("position", p.lat(), p.lon())
                .put("ground_speed", p.groundSpeed() == null ? Double.NaN : p.groundSpeed(), 1)
                .put("track", p.track() == null ? Double.NaN : p.track(), 1)
                .put("vertical_rate", p.baroRate() != null ? p.baroRate() : p.geomRate());
        if (p.stale()) {
            details.put("position_stale", true);
        }
        return details;
    }
}
