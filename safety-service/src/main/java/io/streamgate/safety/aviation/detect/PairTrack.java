package io.streamgate.safety.aviation.detect;

import java.time.Instant;

/** The proximity conditions of one pair of aircraft; {@code first} is the one whose hex sorts first. */
final class PairTrack {

    final TrackedAircraft first;
    final TrackedAircraft second;
    final Confirmation trafficAdvisory;
    final Confirmation resolutionAdvisory;
    final Confirmation conflict;
    /** The latest assessment, null when the pair could not be assessed (one of them stale, landed, …). */
    PairAssessment latest;
    /** The last assessment in which a condition held, for the details of a closing record. */
    PairAssessment lastHit;
    /** Marks the pair as evaluated in the current pass, so it is evaluated once per position. */
    long pass;

    PairTrack(TrackedAircraft a, TrackedAircraft b, Confirmation trafficAdvisory, Confirmation resolutionAdvisory,
            Confirmation conflict) {
        boolean ordered = a.hex.compareTo(b.hex) < 0;
        this.first = ordered ? a : b;
        this.second = ordered ? b : a;
        this.trafficAdvisory = trafficAdvisory;
        this.resolutionAdvisory = resolutionAdvisory;
        this.conflict = conflict;
    }

    String subject() {
        return first.hex + "|" + second.hex;
    }

    TrackedAircraft other(TrackedAircraft one) {
        return one == first ? second : first;
    }

    boolean idle(Instant now) {
        return trafficAdvisory.idle(now) && resolutionAdvisory.idle(now) && conflict.idle(now);
    }

    boolean anyOpen() {
        return trafficAdvisory.isOpen() || resolutionAdvisory.isOpen() || conflict.isOpen();
    }
}
