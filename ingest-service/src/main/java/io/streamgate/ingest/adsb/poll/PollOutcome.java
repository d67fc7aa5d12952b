package io.streamgate.ingest.adsb.poll;

import java.util.Locale;

/** How one poll ended; the {@code outcome} tag of the poll counter. */
enum PollOutcome {
    OK,
    /** No connection, or no response within the timeout. */
    UNREACHABLE,
    /** The receiver answered, but not 200. */
    HTTP_STATUS,
    TOO_LARGE,
    NOT_JSON,
    /** JSON, but not a valid aircraft.json; nothing of it was written. */
    INVALID,
    /** Kafka did not acknowledge the positions in time; they were dropped, the next poll brings fresh ones. */
    KAFKA_UNAVAILABLE,
    ERROR;

    String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
