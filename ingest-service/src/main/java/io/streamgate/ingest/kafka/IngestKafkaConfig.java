package io.streamgate.ingest.kafka;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How ingest writes to Kafka. The broker address, TLS and SASL are the {@code kafka.*} properties every client
 * of every service takes (see {@link io.streamgate.platform.kafka.KafkaClients}).
 */
@ConfigMapping(prefix = "streamgate.ingest.kafka")
public interface IngestKafkaConfig {

    /** How long a request waits for the broker's acknowledgement of all its records before it answers 503. */
    @WithDefault("15s")
    Duration ackTimeout();

    /** How long {@code send} may block when the broker's metadata is unknown (broker down). */
    @WithDefault("5s")
    Duration maxBlock();

    /** The {@code Retry-After} a 503 carries. */
    @WithDefault("5s")
    Duration retryAfter();

    /** Producer batching delay: a little latency buys larger batches under load. */
    @WithDefault("5ms")
    Duration linger();

    /**
     * Producer batch size per partition. Requests carry hundreds of records, so batches larger than
     * Kafka's 16 KiB default mean fewer, fuller produce requests for the broker to append and replicate.
     */
    @WithDefault("262144")
    int batchSize();

    /** Producer compression ({@code none}, {@code lz4}, {@code zstd}, {@code gzip}, {@code snappy}). */
    @WithDefault("none")
    String compression();
}
