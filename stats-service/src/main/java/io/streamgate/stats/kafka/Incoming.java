package io.streamgate.stats.kafka;

import java.time.Instant;

import io.streamgate.platform.json.Json;

/**
 * One consumed record, its CloudEvents attributes read.
 *
 * @param type           {@code ce_type}, or null for a tombstone without headers
 * @param time           {@code ce_time}, or the record's timestamp for a tombstone
 * @param value          the payload, null for a tombstone
 * @param receivedMillis the service clock when the record was polled
 */
public record Incoming(String topic, int partition, String key, String tenant, String type, Instant time,
        byte[] value, long receivedMillis) {

    public <T> T as(Class<T> type) {
        return Json.decode(value, type);
    }

    public boolean tombstone() {
        return value == null;
    }
}
