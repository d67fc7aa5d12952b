package io.streamgate.stats;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Every window, limit and interval of the statistics service ({@code streamgate.stats.*}). */
@ConfigMapping(prefix = "streamgate.stats")
public interface StatsConfig {

    /** The shortest gap between two publications of one (tenant, stat type), on every replica together. */
    @WithDefault("2s")
    Duration publishInterval();

    /** How often figures are recomputed and, when changed and the floor allows, published. */
    @WithDefault("500ms")
    Duration tick();

    /** How many UTC days {@code daily_totals} and {@code busiest_hours} cover (today included). */
    @WithDefault("7")
    int days();

    Aircraft aircraft();

    Devices devices();

    Jobs jobs();

    Consumer consumer();

    Producer producer();

    interface Aircraft {

        /** An aircraft without a position for this long is no longer "tracked now". */
        @WithDefault("60s")
        Duration trackedWindow();

        /** A position younger than this (and not marked stale by ingest) is "fresh" for {@code tracking_quality}. */
        @WithDefault("15s")
        Duration freshWindow();

        /**
         * The receiver the {@code max_range_nm} figure is measured from. Without both coordinates there is no
         * range figure ({@code max_range_nm: null}): a range from a guessed point would mislead.
         */
        Optional<Double> receiverLat();

        Optional<Double> receiverLon();

        /** How many entries {@code common_aircraft_types} and {@code airlines} list at most. */
        @WithDefault("20")
        int topN();
    }

    interface Devices {

        /** A device that reported within this window counts as an {@code active_device}. */
        @WithDefault("5m")
        Duration activeWindow();
    }

    interface Jobs {

        /** How many recent created→completed latencies the p50/p95/p99 are computed over, per queue. */
        @WithDefault("1000")
        int latencySamples();

        /** A worker without a heartbeat for this long no longer counts. */
        @WithDefault("60s")
        Duration workerTimeout();

        /** How long per-job and per-queue state lives in Redis after its last change (jobs that never end). */
        @WithDefault("7d")
        Duration stateTtl();
    }

    interface Consumer {

        /** The consumer group: replicas share it and split the partitions. */
        @WithDefault("stats-service")
        String groupId();

        /** Where a new group starts: {@code earliest} so compacted state topics are read whole. */
        @WithDefault("earliest")
        String autoOffsetReset();

        @WithDefault("500")
        int maxPollRecords();

        @WithDefault("200ms")
        Duration pollTimeout();
    }

    interface Producer {

        @WithDefault("30s")
        Duration deliveryTimeout();
    }
}
