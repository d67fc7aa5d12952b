package io.streamgate.stats.kafka;

import java.util.List;

import io.streamgate.stats.store.RedisBatch;

/**
 * Turns the records of some topics into aggregation state: Redis writes collected in the poll's
 * {@link RedisBatch}, and in-memory minute windows. Runs on the consumer thread only.
 */
public interface Recorder {

    /** The topics it reads. */
    List<String> topics();

    /**
     * Records one record.
     *
     * @throws IllegalArgumentException         when the record is not one this recorder understands
     * @throws java.io.UncheckedIOException     when its payload is not the expected JSON
     */
    void record(Incoming record, RedisBatch batch);
}
