package io.streamgate.safety.workflows;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.streamgate.safety.consumer.ConsumerSettings;

/**
 * Workflows: the limits of the definitions API, how executions are started from {@code geofence.events}, how
 * the runner claims them from the Redis due-queue, and how webhook deliveries are timed and retried.
 */
@ConfigMapping(prefix = "streamgate.safety.workflows")
public interface WorkflowsConfig {

    /** Workflows one tenant may have; creating one more answers 409. */
    @WithDefault("100")
    int maxPerTenant();

    /** Steps one workflow may have. */
    @WithDefault("20")
    int maxSteps();

    /** Longest workflow name, characters. */
    @WithDefault("200")
    int maxNameLength();

    /** Largest webhook body template, bytes of UTF-8. */
    @WithDefault("16384")
    int maxBodyBytes();

    /** Headers one webhook step may set. */
    @WithDefault("20")
    int maxHeaders();

    /** Longest header value, characters. */
    @WithDefault("1024")
    int maxHeaderValueLength();

    /** Longest webhook URL, characters. */
    @WithDefault("2048")
    int maxUrlLength();

    /** Device ids a trigger may list. */
    @WithDefault("100")
    int maxDeviceIds();

    /** Longest wait a {@code wait} step may ask for. */
    @WithDefault("1h")
    Duration maxWait();

    /** How long a REST call waits for Kafka before answering 503. */
    @WithDefault("10s")
    Duration timeout();

    Webhooks webhooks();

    Runner runner();

    Consumer consumer();

    /** How webhook steps deliver. */
    interface Webhooks {

        /** Time to open the TCP (and TLS) connection to the receiver. */
        @WithDefault("5s")
        Duration connectTimeout();

        /** Time for the receiver's answer when the step names no {@code timeout_seconds}. */
        @WithDefault("10s")
        Duration defaultTimeout();

        /** Largest {@code timeout_seconds} a step may ask for; must be well inside the runner's lease. */
        @WithDefault("30s")
        Duration maxTimeout();

        /** Attempts of one delivery, the first included; after the last failed one the delivery is failed. */
        @WithDefault("5")
        int maxAttempts();

        /** Back-off before the second attempt at most; doubles per attempt (full jitter: a random part of it). */
        @WithDefault("1s")
        Duration backoffBase();

        /** Longest back-off between two attempts. */
        @WithDefault("5m")
        Duration backoffMax();
    }

    /** How executions are claimed from the due-queue. */
    interface Runner {

        /** Runs executions on this replica; definitions and the consumer that starts executions run either way. */
        @WithDefault("true")
        boolean enabled();

        /**
         * How long a claimed execution stays invisible to other replicas: a replica that dies mid-step has its
         * executions picked up by another after this. Must exceed connect-timeout + max-timeout (checked at
         * start), so a live replica always finishes a step inside its lease.
         */
        @WithDefault("2m")
        Duration lease();

        /** How often the runner looks for due executions when it found none. */
        @WithDefault("200ms")
        Duration pollInterval();

        /** Executions one replica runs at once (one thread each; a webhook call blocks its thread). */
        @WithDefault("8")
        int concurrency();
    }

    /** The consumer group that reads {@code geofence.events} and starts executions. */
    interface Consumer extends ConsumerSettings {

        @Override
        @WithDefault("safety-workflows")
        String groupId();
    }
}
