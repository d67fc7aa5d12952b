package io.streamgate.gateway.aircraft.threats;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.streamgate.platform.aviation.AircraftPosition;
import io.streamgate.platform.geo.GeoMath;

/**
 * The threat picture of one mobile user (SkySpy's Cannonball): aircraft within the radius, nearest
 * first, with their trend from the change in distance since the previous assessment. A change smaller
 * than the hysteresis (0.05 nm per update) is "holding", so GPS jitter does not flip the trend.
 * Levels: critical under 1 nm, or under 3 nm and approaching; warning under 5 nm, or under 10 nm and
 * approaching; info otherwise.
 */
public final class ThreatTracker {

    public static final double TREND_HYSTERESIS_NM = 0.05;

    private final int maxThreats;
    private Map<String, Double> lastDistance = new HashMap<>();

    public ThreatTracker(int maxThreats) {
        this.maxThreats = maxThreats;
    }

    /** Assesses the aircraft around (lat, lon); remembers distances for the next trend. */
    public List<Threat> assess(Collection<AircraftPosition> aircraft, double lat, double lon, double heading,
            double radiusNm) {
        List<Threat> threats = new ArrayList<>();
        Map<String, Double> distances = new HashMap<>();
        for (AircraftPosition position : aircraft) {
            double distance = GeoMath.distanceNm(lat, lon, position.lat(), position.lon());
            if (distance > radiusNm) {
                continue;
            }
            double bearing = GeoMath.bearingDeg(lat, lon, position.lat(), position.lon());
            Threat.Trend trend = trend(lastDistance.get(position.hex()), distance);
            distances.put(position.hex(), distance);
            threats.add(new Threat(position, distance, bearing, GeoMath.normalizeBearing(bearing - heading),
                    GeoMath.compass16(bearing), trend, level(distance, trend)));
        }
        lastDistance = distances;
        threats.sort(Comparator.comparingDouble(Threat::distanceNm));
        return threats.size() > maxThreats ? List.copyOf(threats.subList(0, maxThreats)) : threats;
    }

    static Threat.Trend trend(Double previous, double now) {
        if (previous == null) {
            return Threat.Trend.UNKNOWN;
        }
        double change = now - previous;
        if (change < -TREND_HYSTERESIS_NM) {
            return Threat.Trend.APPROACHING;
        }
        return change > TREND_HYSTERESIS_NM ? Threat.Trend.DEPARTING : Threat.Trend.HOLDING;
    }

    static Threat.Level level(double distanceNm, Threat.Trend trend) {
        boolean approaching = trend == Threat.Trend.APPROACHING;
        if (distanceNm < 1 || (distanceNm < 3 && approaching)) {
            return Threat.Level.CRITICAL;
        }
        if (distanceNm < 5 || (distanceNm < 10 && approaching)) {
            return Threat.Level.WARNING;
        }
        return Threat.Level.INFO;
    }
}
