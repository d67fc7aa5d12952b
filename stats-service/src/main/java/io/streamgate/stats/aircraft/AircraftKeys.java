package io.streamgate.stats.aircraft;

import java.time.LocalDate;

import io.streamgate.stats.store.StatsKeys;

/** Redis keys of the aircraft figures. */
final class AircraftKeys {

    private AircraftKeys() {
    }

    /** Hash hex → {@link Sighting} JSON. */
    static String last(String tenant) {
        return StatsKeys.agg(tenant, "aircraft:last");
    }

    /** Sorted set hex → epoch ms of the last position, to prune {@link #last} by age. */
    static String seen(String tenant) {
        return StatsKeys.agg(tenant, "aircraft:seen");
    }

    /** Hash of day counters: {@code positions}, {@code positions:<HH>}. */
    static String day(String tenant, LocalDate day) {
        return StatsKeys.agg(tenant, "aircraft:day:" + day);
    }

    /** Hash hex → {@code category|type_code|airline} of every aircraft seen that day: distinct by construction. */
    static String kinds(String tenant, LocalDate day) {
        return StatsKeys.agg(tenant, "aircraft:kinds:" + day);
    }

    /** HyperLogLog of the aircraft seen in one UTC hour of one day. */
    static String hour(String tenant, LocalDate day, String hour) {
        return StatsKeys.agg(tenant, "aircraft:hour:" + day + ":" + hour);
    }
}
