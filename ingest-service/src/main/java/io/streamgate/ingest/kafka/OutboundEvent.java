package io.streamgate.ingest.kafka;

import io.streamgate.platform.event.EventEnvelope;

/**
 * One event ready to write: its envelope becomes {@code ce_*} headers, its subject the record key,
 * and {@code data} (JSON) the record value.
 */
public record OutboundEvent(EventEnvelope envelope, byte[] data) {
}
