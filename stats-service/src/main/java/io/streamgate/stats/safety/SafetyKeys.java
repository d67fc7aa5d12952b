package io.streamgate.stats.safety;

import java.time.LocalDate;

import io.streamgate.stats.store.StatsKeys;

/** Redis keys of the safety and alert figures. */
final class SafetyKeys {

    private SafetyKeys() {
    }

    /** Hash episode id → {@code event_type|severity} of the open safety episodes. */
    static String active(String tenant) {
        return StatsKeys.agg(tenant, "safety:active");
    }

    /** Hash episode id → {@code event_type|severity} of the episodes first seen that day (latest severity). */
    static String day(String tenant, LocalDate day) {
        return StatsKeys.agg(tenant, "safety:day:" + day);
    }

    /** Hash alert id → {@link AlertEntry} JSON of the alerts triggered that day. */
    static String alerts(String tenant, LocalDate day) {
        return StatsKeys.agg(tenant, "alerts:day:" + day);
    }

    /** Set of acknowledged alert ids. */
    static String acknowledged(String tenant) {
        return StatsKeys.agg(tenant, "alerts:acknowledged");
    }

    /** Hash sensor alert id → severity of the sensor alerts created that day. */
    static String sensorAlerts(String tenant, LocalDate day) {
        return StatsKeys.agg(tenant, "sensor-alerts:day:" + day);
    }
}
