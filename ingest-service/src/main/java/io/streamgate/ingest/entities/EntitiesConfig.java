package io.streamgate.ingest.entities;

import java.time.Duration;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits and timings of the NGSI v2 entity API. */
@ConfigMapping(prefix = "streamgate.ingest.entities")
public interface EntitiesConfig {

    /**
     * Attributes one entity may hold. Every change announces the whole attribute set, so this bounds the
     * size of each {@code entities.changes} record as much as the size of the entity.
     */
    @WithDefault("100")
    int maxAttributes();

    /** Largest request body of an entity endpoint; Orion, the reference NGSI v2 broker, also caps at 1 MiB. */
    @WithDefault("1M")
    MemorySize maxBody();

    /** Entities a list answers when the request names no {@code limit} (NGSI v2's default). */
    @WithDefault("20")
    int defaultPageSize();

    /** Largest {@code limit} a list accepts (Orion's maximum); larger ones are refused with 400. */
    @WithDefault("1000")
    int maxPageSize();

    /**
     * How long a writer may hold an entity's lock before Redis frees it. It must outlast the slowest write,
     * which is bounded by {@code streamgate.ingest.kafka.ack-timeout}; a lock that expires early lets a second
     * writer announce out of order.
     */
    @WithDefault("30s")
    Duration lockTtl();

    /** How long a request waits for another writer of the same entity before it answers 503. */
    @WithDefault("20s")
    Duration lockWait();

    /** How often changes that were stored but not yet acknowledged by Kafka are announced again. */
    @WithDefault("5s")
    Duration outboxRetryInterval();

    /** Pending changes sent to Kafka in one batch, and entities the relay visits per round. */
    @WithDefault("100")
    int outboxBatch();

    /**
     * Entities one {@code POST /v2/op/update} may name. Each is written and announced in turn while the request
     * waits, so this bounds how long one request holds a worker.
     */
    @WithDefault("1000")
    int maxBatchEntities();
}
