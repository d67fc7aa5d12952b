package io.streamgate.safety.alerts;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.streamgate.safety.consumer.ConsumerSettings;

/**
 * Rule alerts: limits of the rules API, how fast rule changes reach the evaluator, how much alert history
 * is kept, and how the evaluator reads {@code aircraft.positions} and writes {@code alerts.triggered}.
 */
@ConfigMapping(prefix = "streamgate.safety.alerts")
public interface AlertsConfig {

    /** Runs the evaluator; the rules and history API work either way. */
    @WithDefault("true")
    boolean enabled();

    /** How long a REST call waits for Redis or Kafka before answering 503. */
    @WithDefault("5s")
    Duration timeout();

    Rules rules();

    History history();

    Consumer consumer();

    Producer producer();

    interface Rules {

        /** Rules one tenant may have; creating one more answers 409. */
        @WithDefault("100")
        int maxPerTenant();

        /**
         * How often the evaluator checks Redis for changed rules (one HGETALL of a small hash): a created,
         * changed or deleted rule takes effect within this, on every replica.
         */
        @WithDefault("1s")
        Duration refreshInterval();

        /** Seconds a rule stays quiet for an aircraft after triggering, when the rule does not say. */
        @WithDefault("300")
        int defaultCooldown();

        /** Longest cooldown a rule may ask for, seconds. */
        @WithDefault("86400")
        int maxCooldown();

        @WithDefault("100")
        int maxNameLength();

        /** Longest callsign / hex / registration glob pattern. */
        @WithDefault("32")
        int maxPatternLength();

        /** Most entries of a squawk or category list. */
        @WithDefault("50")
        int maxListSize();

        /** Largest radius of a distance condition, nautical miles. */
        @WithDefault("500")
        double maxDistance();
    }

    interface History {

        /** Alerts kept per tenant; the oldest are dropped beyond it. */
        @WithDefault("1000")
        int maxPerTenant();

        /** Alerts older than this are dropped (and {@code hours} of a history query may not exceed it). */
        @WithDefault("7d")
        Duration maxAge();

        /** {@code hours} of a history query without one. */
        @WithDefault("24")
        int defaultHours();

        /** {@code limit} of a history query without one. */
        @WithDefault("100")
        int defaultLimit();

        /** Largest {@code limit} of a history query. */
        @WithDefault("1000")
        int maxLimit();
    }

    /**
     * The evaluator's own consumer group on {@code aircraft.positions}; replicas share it, so each
     * aircraft's positions reach one replica. Alerts are about now: a new group starts at the end.
     */
    interface Consumer extends ConsumerSettings {

        @Override
        @WithDefault("safety-alerts")
        String groupId();
    }

    /** The idempotent, {@code acks=all} producer of {@code alerts.triggered}. */
    interface Producer {

        @WithDefault("5ms")
        Duration linger();

        @WithDefault("30s")
        Duration deliveryTimeout();
    }
}
