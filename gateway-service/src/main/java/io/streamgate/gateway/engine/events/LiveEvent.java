package io.streamgate.gateway.engine.events;

import io.streamgate.platform.event.EventEnvelope;

/**
 * One record of an event feed, as every dialect receives it.
 *
 * @param partition the Kafka partition it came from
 * @param offset    its offset there
 * @param id        the resumable id of the position just after it
 * @param envelope  its CloudEvents attributes
 * @param data      its JSON payload, as written by ingest (dialects splice it without re-encoding)
 */
public record LiveEvent(int partition, long offset, String id, EventEnvelope envelope, byte[] data) {
}
