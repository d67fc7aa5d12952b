package io.streamgate.stats.jobs;

import java.time.LocalDate;

import io.streamgate.stats.store.StatsKeys;

/** Redis keys of the queue figures. */
final class JobKeys {

    private JobKeys() {
    }

    /** Set of the tenant's queue names. */
    static String queues(String tenant) {
        return StatsKeys.agg(tenant, "queues");
    }

    /** Set of the job ids waiting in a queue (pending or scheduled). */
    static String pending(String tenant, String queue) {
        return StatsKeys.agg(tenant, "queue:" + queue + ":pending");
    }

    /** Set of the job ids running in a queue. */
    static String running(String tenant, String queue) {
        return StatsKeys.agg(tenant, "queue:" + queue + ":running");
    }

    /** Hash of a queue's day counters: {@code completed}, {@code failed}. */
    static String day(String tenant, String queue, LocalDate day) {
        return StatsKeys.agg(tenant, "queue:" + queue + ":day:" + day);
    }

    /** List of the newest created→completed latencies of a queue, milliseconds. */
    static String latencies(String tenant, String queue) {
        return StatsKeys.agg(tenant, "queue:" + queue + ":latency");
    }

    /** Hash job id → epoch ms of its {@code created} event, until the job ends. */
    static String created(String tenant) {
        return StatsKeys.agg(tenant, "jobs:created");
    }

    /** Hash worker id → {@link WorkerEntry} JSON. */
    static String workers(String tenant) {
        return StatsKeys.agg(tenant, "workers");
    }
}
