package io.streamgate.ingest.kafka;

import java.time.Duration;

/** Kafka did not acknowledge a write in time; the client should retry after {@link #retryAfter()}. */
public class BrokerUnavailableException extends RuntimeException {

    private final Duration retryAfter;

    public BrokerUnavailableException(String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
