package io.streamgate.safety.aviation.detect;

import io.streamgate.platform.safety.SafetyEvent;
import io.streamgate.safety.aviation.AviationSafetyConfig;

/** Airborne aircraft climbing or descending faster than a threshold ({@code baro_rate}, else {@code geom_rate}). */
final class VerticalRateDetector extends ThresholdDetector {

    private final double threshold;
    private final double hysteresis;

    VerticalRateDetector(AviationSafetyConfig config, Filters filters, EpisodeLog log) {
        super(config.verticalRate().enabled(), SafetyEvent.TYPE_EXTREME_VERTICAL_RATE, SafetyEvent.MEDIUM, filters,
                log);
        this.threshold = config.verticalRate().threshold();
        this.hysteresis = config.verticalRate().hysteresis();
    }

    @Override
    boolean holds(TrackedAircraft a, boolean open) {
        Integer rate = rate(a);
        return rate != null && Math.abs(rate) > (open ? threshold - hysteresis : threshold);
    }

    @Override
    Confirmation state(TrackedAircraft a) {
        return a.verticalRate;
    }

    @Override
    String message(TrackedAircraft a) {
        int rate = rate(a);
        return "Extreme vertical rate: " + (rate > 0 ? "climbing " : "descending ") + Math.abs(rate)
                + " ft/min, above " + Math.round(threshold) + " ft/min";
    }

    @Override
    String endMessage() {
        return "Extreme vertical rate ended";
    }

    @Override
    Details details(TrackedAircraft a) {
        return aircraftDetails(a).put("vertical_rate", rate(a)).put("threshold_fpm", Math.round(threshold));
    }

    private static Integer rate(TrackedAircraft a) {
        return a.position.baroRate() != null ? a.position.baroRate() : a.position.geomRate();
    }
}
