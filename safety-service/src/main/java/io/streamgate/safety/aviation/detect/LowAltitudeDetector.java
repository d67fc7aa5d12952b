package io.streamgate.safety.aviation.detect;

import io.streamgate.platform.safety.SafetyEvent;
import io.streamgate.safety.aviation.AviationSafetyConfig;

/**
 * Airborne aircraft below a pressure altitude. Slow targets (helicopters, balloons) are left out; airports
 * are not (the service has no airport data), hence severity {@code low}.
 */
final class LowAltitudeDetector extends ThresholdDetector {

    private final double threshold;
    private final double hysteresis;

    LowAltitudeDetector(AviationSafetyConfig config, Filters filters, EpisodeLog log) {
        super(config.lowAltitude().enabled(), SafetyEvent.TYPE_LOW_ALTITUDE, SafetyEvent.LOW, filters, log);
        this.threshold = config.lowAltitude().threshold();
        this.hysteresis = config.lowAltitude().hysteresis();
    }

    @Override
    boolean holds(TrackedAircraft a, boolean open) {
        return filters.fastEnough(a) && a.position.altBaro() < (open ? threshold + hysteresis : threshold);
    }

    @Override
    Confirmation state(TrackedAircraft a) {
        return a.lowAltitude;
    }

    @Override
    String message(TrackedAircraft a) {
        return "Low altitude: " + a.position.altBaro() + " ft, below " + Math.round(threshold) + " ft";
    }

    @Override
    String endMessage() {
        return "Low altitude ended";
    }

    @Override
    Details details(TrackedAircraft a) {
        return aircraftDetails(a).put("threshold_ft", Math.round(threshold));
    }
}
