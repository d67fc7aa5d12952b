package io.streamgate.safety.aviation.detect;

import java.time.Instant;
import java.util.IdentityHashMap;
import java.util.Map;

import io.streamgate.platform.aviation.AircraftPosition;
import io.streamgate.safety.aviation.geo.Kinematics;
import io.streamgate.safety.aviation.geo.SpatialGrid;

/** What the engine remembers about one aircraft of one tenant: its latest fix and its detectors' state. */
final class TrackedAircraft {

    final String hex;
    final boolean nonIcao;
    /** The Kafka partition its positions come from, so a rebalance knows which aircraft moved away. */
    int partition;
    AircraftPosition position;
    Kinematics kinematics;
    Instant time;
    long cell = SpatialGrid.NOWHERE;
    /**
     * Whether this copy of the aircraft is in its home sector. Pairs are reported by the home sector of their
     * lower hex only; outside sector mode every aircraft is home.
     */
    boolean home = true;
    /** A {@code ~} target that shadows a real aircraft, as of its latest fix. */
    boolean ghost;

    Episode emergency;
    String emergencyCondition;
    int emergencyClears;
    final Confirmation lowAltitude;
    final Confirmation verticalRate;
    /** Pairs with an open, pending or cooling-down condition, by the other aircraft. */
    final Map<TrackedAircraft, PairTrack> pairs = new IdentityHashMap<>();

    TrackedAircraft(String hex, Confirmation lowAltitude, Confirmation verticalRate) {
        this.hex = hex;
        this.nonIcao = hex.startsWith("~");
        this.lowAltitude = lowAltitude;
        this.verticalRate = verticalRate;
    }

    /** Takes a newer fix; false (and nothing changes) for one that is not newer than the latest. */
    boolean update(AircraftPosition next, Instant at, int fromPartition) {
        if (time != null && !at.isAfter(time)) {
            return false;
        }
        position = next;
        time = at;
        partition = fromPartition;
        kinematics = new Kinematics(next.lat(), next.lon(), altitude(next), speed(next),
                next.track() == null ? 0 : next.track(), verticalRate(next), at);
        return true;
    }

    String callsign() {
        return position == null ? null : position.flight();
    }

    /** {@code alt_baro}; 0 on the ground; NaN when unknown. Geometric altitude is never mixed in. */
    static double altitude(AircraftPosition p) {
        if (p.altBaro() != null) {
            return p.altBaro();
        }
        return p.onGround() ? 0 : Double.NaN;
    }

    /** {@code baro_rate}, else {@code geom_rate}, else 0. */
    static double verticalRate(AircraftPosition p) {
        if (p.baroRate() != null) {
            return p.baroRate();
        }
        return p.geomRate() == null ? 0 : p.geomRate();
    }

    private static double speed(AircraftPosition p) {
        return p.groundSpeed() == null ? 0 : p.groundSpeed();
    }
}
