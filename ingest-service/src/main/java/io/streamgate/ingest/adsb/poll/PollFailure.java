package io.streamgate.ingest.adsb.poll;

/** A poll that produced no document; {@code getMessage()} is safe to log (no URL, no body). */
final class PollFailure extends Exception {

    private final PollOutcome outcome;

    PollFailure(PollOutcome outcome, String detail) {
        super(detail, null, false, false);
        this.outcome = outcome;
    }

    PollOutcome outcome() {
        return outcome;
    }
}
