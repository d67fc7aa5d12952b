package io.streamgate.safety.aviation.detect;

import java.time.Instant;
import java.util.Map;

import io.streamgate.platform.safety.SafetyEvent;
import io.streamgate.safety.aviation.Emission;

/** One open safety event: what stays the same across its records, and what the next record will say. */
final class Episode {

    private final String tenant;
    private final long id;
    private final String type;
    private final String hex;
    private final String hex2;
    private final Instant firstSeen;
    private String severity;
    private String callsign;
    private String callsign2;
    private Instant lastSeen;
    private int revision = -1;

    Episode(String tenant, long id, String type, String severity, String hex, String hex2, Instant firstSeen) {
        this.tenant = tenant;
        this.id = id;
        this.type = type;
        this.severity = severity;
        this.hex = hex;
        this.hex2 = hex2;
        this.firstSeen = firstSeen;
        this.lastSeen = firstSeen;
    }

    /**
     * The episode a published record describes, as another owner left it: the next record it emits is the one
     * after {@code revision}.
     */
    static Episode resume(String tenant, SafetyEvent last, int revision) {
        Episode episode = new Episode(tenant, last.id(), last.eventType(), last.severity(), last.icaoHex(),
                last.icaoHex2(), last.firstSeen());
        episode.callsigns(last.callsign(), last.callsign2());
        episode.seen(last.lastSeen());
        episode.revision = revision;
        return episode;
    }

    Emission emit(Instant timestamp, String message, Map<String, Object> details, boolean active) {
        revision++;
        SafetyEvent event = new SafetyEvent(id, timestamp, type, severity, hex, hex2, callsign, callsign2, message,
                details, firstSeen, lastSeen, active, false);
        return new Emission(tenant, event, revision);
    }

    void seen(Instant at) {
        if (at.isAfter(lastSeen)) {
            lastSeen = at;
        }
    }

    void callsigns(String first, String second) {
        if (first != null) {
            callsign = first;
        }
        if (second != null) {
            callsign2 = second;
        }
    }

    /** Raises the severity; true when it changed. Severities never drop within an episode. */
    boolean escalate(String to) {
        if (SafetyEvent.rank(to) <= SafetyEvent.rank(severity)) {
            return false;
        }
        severity = to;
        return true;
    }

    long id() {
        return id;
    }

    Instant lastSeen() {
        return lastSeen;
    }

    String type() {
        return type;
    }

    String severity() {
        return severity;
    }

    String hex() {
        return hex;
    }

    String hex2() {
        return hex2;
    }

    String callsign() {
        return callsign;
    }

    String callsign2() {
        return callsign2;
    }
}
