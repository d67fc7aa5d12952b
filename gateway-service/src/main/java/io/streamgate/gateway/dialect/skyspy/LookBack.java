package io.streamgate.gateway.dialect.skyspy;

import java.time.Instant;

/**
 * SkySpy's {@code hours} request parameter: how far back a history request looks. A client may send any
 * number; one beyond what an {@link Instant} can be moved by (1e300, or minus that) asks for everything
 * kept (or nothing), not for an exception that leaves the request unanswered.
 */
final class LookBack {

    /** A century: longer than any history is kept, short enough that {@code now} minus it is an Instant. */
    static final double MAX_HOURS = 100 * 366 * 24;

    private LookBack() {
    }

    /** The earliest time a request for the last {@code hours} covers; negative hours cover nothing before now. */
    static Instant since(Instant now, double hours) {
        double bounded = Double.isNaN(hours) ? 0 : Math.max(0, Math.min(MAX_HOURS, hours));
        return now.minusSeconds(Math.round(bounded * 3600));
    }
}
