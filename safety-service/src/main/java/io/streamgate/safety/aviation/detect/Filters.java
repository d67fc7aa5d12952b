package io.streamgate.safety.aviation.detect;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.streamgate.platform.geo.GeoMath;
import io.streamgate.safety.aviation.AviationSafetyConfig;
import io.streamgate.safety.aviation.geo.Kinematics;

/** The false-alarm filters of the detectors: stale fixes, ghosts, slow targets, aircraft on the ground. */
final class Filters {

    private final long staleAfterMillis;
    private final long maxFixSkewMillis;
    private final double minGroundSpeed;
    private final double ghostRadius;
    private final double ghostAltitude;
    private final List<TrackedAircraft> nearby = new ArrayList<>();

    Filters(AviationSafetyConfig config) {
        this.staleAfterMillis = config.staleAfter().toMillis();
        this.maxFixSkewMillis = config.proximity().maxFixSkew().toMillis();
        this.minGroundSpeed = config.minGroundSpeed();
        this.ghostRadius = config.ghost().radius();
        this.ghostAltitude = config.ghost().altitude();
    }

    /**
     * Ingest did not mark the fix stale and it is at most {@code stale-after} old by the engine's clock. A
     * fix from the future (receiver clock ahead) counts as fresh.
     */
    boolean fresh(TrackedAircraft a, Instant now) {
        return !a.position.stale() && now.toEpochMilli() - a.time.toEpochMilli() <= staleAfterMillis;
    }

    boolean airborne(TrackedAircraft a) {
        return !a.position.onGround() && a.position.altBaro() != null;
    }

    boolean fastEnough(TrackedAircraft a) {
        return a.position.groundSpeed() != null && a.position.groundSpeed() >= minGroundSpeed;
    }

    /** Everything a pair check needs, and none of the reasons it would be a false alarm. */
    boolean pairEligible(TrackedAircraft a, Instant now) {
        return fresh(a, now) && airborne(a) && a.position.track() != null && fastEnough(a) && !a.ghost;
    }

    /** {@code b} may be assessed against {@code a}: eligible itself, and its fix close enough in time to a's. */
    boolean pairEligible(TrackedAircraft a, TrackedAircraft b, Instant now) {
        return pairEligible(b, now) && Math.abs(a.time.toEpochMilli() - b.time.toEpochMilli()) <= maxFixSkewMillis;
    }

    /**
     * True when {@code candidate} is a {@code ~} target within the ghost radius and altitude of a fresh
     * real (ICAO) aircraft: TIS-B and ADS-R rebroadcast aircraft the receiver also hears directly. Without
     * an altitude on either side the horizontal test decides.
     */
    boolean shadowsRealAircraft(Airspace airspace, TrackedAircraft candidate, Instant now) {
        if (!candidate.nonIcao) {
            return false;
        }
        Kinematics ghost = candidate.kinematics;
        nearby.clear();
        airspace.grid.forEachNear(ghost.lat(), ghost.lon(), Double.isNaN(ghost.altitude()) ? 0 : ghost.altitude(),
                nearby::add);
        for (TrackedAircraft real : nearby) {
            if (real.nonIcao || !fresh(real, now)) {
                continue;
            }
            Kinematics there = real.kinematics.at(candidate.time);
            if (GeoMath.distanceNm(ghost.lat(), ghost.lon(), there.lat(), there.lon()) > ghostRadius) {
                continue;
            }
            if (Double.isNaN(ghost.altitude()) || Double.isNaN(there.altitude())
                    || Math.abs(ghost.altitude() - there.altitude()) <= ghostAltitude) {
                return true;
            }
        }
        return false;
    }
}
