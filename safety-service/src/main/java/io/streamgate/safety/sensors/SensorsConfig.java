package io.streamgate.safety.sensors;

import java.time.Duration;
import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.streamgate.safety.consumer.ConsumerSettings;

/** Sensor threshold rules, machine health, and the producer shared with the geofence events. */
@ConfigMapping(prefix = "streamgate.safety.sensors")
public interface SensorsConfig {

    /** Threshold rules one tenant may have. */
    @WithDefault("500")
    int maxRules();

    /** Longest {@code for} duration a rule may ask for, in seconds (one day). */
    @WithDefault("86400")
    long maxForSeconds();

    /** Longest {@code machine_id} and {@code metric_name} of a rule, characters. */
    @WithDefault("128")
    int maxNameLength();

    /** Longest rule {@code message}, characters. */
    @WithDefault("1024")
    int maxMessageLength();

    /** How long reading {@code machines.status} to its end may take when partitions are assigned. */
    @WithDefault("30s")
    Duration historyTimeout();

    /**
     * How long the consumer uses a tenant's rules before reading them from Redis again: a rule changed
     * through another replica takes effect within this (changes through this replica at once).
     */
    @WithDefault("2s")
    Duration ruleRefresh();

    /**
     * A machine without a reading for this long (service clock) goes {@code offline}. Thirty missed readings
     * at the devstack's 1 s rate, and shorter than the devstack's 45 s gateway reboot, so the demo shows it.
     */
    @WithDefault("30s")
    Duration silence();

    /** How often machines are checked for silence. */
    @WithDefault("1s")
    Duration sweepInterval();

    /**
     * Tenants that get the default threshold rules (the devstack plant's alarm limits) the first time the
     * service starts; a tenant's rules are seeded once, so deleting them is permanent.
     */
    @WithDefault("default")
    List<String> seedTenants();

    Consumer consumer();

    Producer producer();

    /** The consumer group that reads {@code sensor.readings}. */
    interface Consumer extends ConsumerSettings {

        @Override
        @WithDefault("safety-sensors")
        String groupId();
    }

    /** The idempotent, {@code acks=all} producer of sensor alerts, machine status and geofence events. */
    interface Producer {

        @WithDefault("5ms")
        Duration linger();

        /** How long a record may take to be acknowledged before the poll fails and is read again. */
        @WithDefault("30s")
        Duration deliveryTimeout();
    }
}
