package io.streamgate.ingest.kafka;

import io.streamgate.platform.event.EventEnvelope;

/**
 * One event ready to write: its envelope becomes {@code ce_*} headers, its subject the record key,
 * and {@code data} (JSON) the record value.
 *
 * @param data the JSON payload, or null for a tombstone, which removes the key from a compacted topic
 */
public record OutboundEvent(EventEnvelope envelope, byte[] data) {

    /** A record that deletes {@code envelope.subject()} from a compacted topic; the envelope still says whose. */
    public static OutboundEvent tombstone(EventEnvelope envelope) {
        return new OutboundEvent(envelope, null);
    }

    public boolean isTombstone() {
        return data == null;
    }
}
