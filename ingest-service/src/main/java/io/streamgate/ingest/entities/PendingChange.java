package io.streamgate.ingest.entities;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.streamgate.platform.entities.EntityChange;
import io.streamgate.platform.event.EventEnvelope;

/**
 * One outbox entry: the change exactly as it goes to Kafka, envelope included, so that a retry announces the
 * same event (same CloudEvents id, so consumers can drop a duplicate) and not a new one.
 */
@RegisterForReflection
public record PendingChange(@JsonProperty("envelope") EventEnvelope envelope,
        @JsonProperty("change") EntityChange change) {
}
