package io.streamgate.gateway.engine.events;

/** How a resume went; dialects tell the client when the gap could not be filled. */
public enum ResumeOutcome {
    /** A fresh subscription: nothing to resume. */
    NONE,
    /** Every missed event was found in the gateway's recent-events buffer. */
    FROM_BUFFER,
    /** Missed events were read back from Kafka. */
    FROM_KAFKA,
    /** Some missed events are beyond Kafka's retention: the client should reload its state. */
    GAP
}
