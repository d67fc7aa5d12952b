package io.streamgate.gateway.aircraft.threats;

import io.streamgate.platform.aviation.AircraftPosition;

/**
 * One aircraft as seen from a mobile user.
 *
 * @param relativeBearing bearing relative to the user's heading (0 = dead ahead)
 * @param direction       16-point compass name of the bearing
 */
public record Threat(AircraftPosition aircraft, double distanceNm, double bearing, double relativeBearing,
        String direction, Trend trend, Level level) {

    public enum Trend {
        APPROACHING, HOLDING, DEPARTING, UNKNOWN
    }

    public enum Level {
        CRITICAL, WARNING, INFO
    }
}
