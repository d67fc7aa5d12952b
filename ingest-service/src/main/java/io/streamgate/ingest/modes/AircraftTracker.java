package io.streamgate.ingest.modes;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Per-aircraft state assembled from decoded frames, with the CPR position logic: a global fix from an
 * even/odd pair heard within the pair window, else a local fix against the aircraft's own recent position
 * (or the receiver's, when the receiver's range is small enough for that to be unambiguous). Every fix must
 * pass the plausibility checks (range from the receiver, speed implied by the move from the previous fix),
 * so one corrupt or FRUIT message cannot teleport an aircraft; a velocity jump waits for a second report to
 * confirm it. Not thread-safe.
 */
public final class AircraftTracker {

    /** What a frame did to its aircraft's position. */
    public enum Fix {
        /** The frame carried no position. */
        NONE,
        /** Kept for pairing; no reference to decode it against yet. */
        WAITING,
        GLOBAL,
        LOCAL,
        /** The pair straddles a latitude zone boundary or decodes off the globe. */
        REJECTED_CPR,
        REJECTED_RANGE,
        REJECTED_SPEED;

        public boolean fixed() {
            return this == GLOBAL || this == LOCAL;
        }
    }

    private static final double NM_PER_DEGREE = 60.0;
    /** What 2 g changes a velocity by per second, in knots. */
    private static final double TWO_G_KT_PER_S = 38.1;
    private static final long VELOCITY_MEMORY_MILLIS = 30_000;

    private final TrackerSettings settings;
    private final Map<Integer, TrackedAircraft> aircraft = new HashMap<>();
    private final double[] decoded = new double[2];
    private long lastExpiry;
    private TrackedAircraft last;
    private long rejectedCpr;
    private long rejectedRange;
    private long rejectedSpeed;
    private long rejectedVelocity;

    public AircraftTracker(TrackerSettings settings) {
        this.settings = settings;
    }

    /**
     * Merges one decoded frame into its aircraft.
     *
     * @param rxLat receiver latitude, NaN when the receiver's position is not configured
     */
    public Fix update(ModeSFrame f, long now, double rxLat, double rxLon) {
        expire(now);
        int key = f.address | (f.nonIcao ? 1 << 24 : 0);
        TrackedAircraft a = aircraft.get(key);
        if (a == null) {
            a = new TrackedAircraft(f.address, f.nonIcao);
            aircraft.put(key, a);
        }
        last = a;
        a.lastHeard = now;
        if (f.signal >= 0) {
            a.signal = f.signal;
        }
        if (f.callsignValid) {
            a.callsign = f.callsignText();
            a.category = f.categorySet == 0 ? null : f.categorySet + Integer.toString(f.category);
        }
        if (f.onGroundKnown) {
            a.onGround = f.onGround;
        }
        if (f.altitudeValid) {
            if (f.altitudeGnss) {
                a.altitudeGnss = f.altitudeFt;
                a.altitudeGnssAt = now;
            } else {
                a.altitudeBaro = f.altitudeFt;
                a.altitudeBaroAt = now;
            }
        }
        if (f.squawkValid) {
            a.squawk = f.squawk;
            a.squawkAt = now;
        }
        if (f.typeCode == 28 && f.subtype == 1) {
            a.emergencyState = f.emergencyState;
        }
        if (f.typeCode == 19) {
            velocity(a, f, now);
        } else if (f.cprSurface && f.cprValid) {
            if (f.groundSpeedValid) {
                a.groundSpeed = f.groundSpeedKt;
                a.velocityAt = now;
            }
            if (f.trackValid) {
                a.track = f.trackDeg;
            }
        }
        return f.cprValid ? position(a, f, now, rxLat, rxLon) : Fix.NONE;
    }

    /** The aircraft the last {@link #update} touched. */
    public TrackedAircraft last() {
        return last;
    }

    public TrackedAircraft get(int address, boolean nonIcao) {
        return aircraft.get(address | (nonIcao ? 1 << 24 : 0));
    }

    public int size() {
        return aircraft.size();
    }

    public long rejectedCpr() {
        return rejectedCpr;
    }

    public long rejectedRange() {
        return rejectedRange;
    }

    public long rejectedSpeed() {
        return rejectedSpeed;
    }

    public long rejectedVelocity() {
        return rejectedVelocity;
    }

    private void velocity(TrackedAircraft a, ModeSFrame f, long now) {
        if (f.verticalRateValid) {
            a.verticalRate = f.verticalRateFpm;
            a.verticalRateBaro = f.verticalRateBaro;
            a.verticalRateAt = now;
        }
        if (!f.groundSpeedValid) {
            return;
        }
        double speed = f.groundSpeedKt;
        double track = f.trackDeg;
        if (a.velocityAt == 0 || now - a.velocityAt > VELOCITY_MEMORY_MILLIS
                || plausibleChange(a.groundSpeed, a.track, speed, track, now - a.velocityAt)) {
            setVelocity(a, speed, track, now);
            return;
        }
        if (a.pendingAt != 0 && now - a.pendingAt <= VELOCITY_MEMORY_MILLIS
                && plausibleChange(a.pendingSpeed, a.pendingTrack, speed, track, now - a.pendingAt)) {
            setVelocity(a, speed, track, now); // two reports agree: the old velocity was the odd one out
            return;
        }
        a.pendingSpeed = speed;
        a.pendingTrack = track;
        a.pendingAt = now;
        rejectedVelocity++;
    }

    private void setVelocity(TrackedAircraft a, double speed, double track, long now) {
        a.groundSpeed = speed;
        a.track = track;
        a.velocityAt = now;
        a.pendingAt = 0;
    }

    private boolean plausibleChange(double speed0, double track0, double speed1, double track1, long millis) {
        double dx = speed1 * Math.sin(Math.toRadians(track1)) - speed0 * Math.sin(Math.toRadians(track0));
        double dy = speed1 * Math.cos(Math.toRadians(track1)) - speed0 * Math.cos(Math.toRadians(track0));
        double change = Math.sqrt(dx * dx + dy * dy);
        return change <= settings.maxVelocityChangeKt() + TWO_G_KT_PER_S * millis / 1000.0;
    }

    private Fix position(TrackedAircraft a, ModeSFrame f, long now, double rxLat, double rxLon) {
        boolean surface = f.cprSurface;
        if (f.cprOdd) {
            a.oddLat = f.cprLat;
            a.oddLon = f.cprLon;
            a.oddAt = now;
            a.oddSurface = surface;
        } else {
            a.evenLat = f.cprLat;
            a.evenLon = f.cprLon;
            a.evenAt = now;
            a.evenSurface = surface;
        }
        boolean receiverKnown = !Double.isNaN(rxLat);
        boolean ownReference = a.positionAt != 0 && now - a.positionAt <= settings.localReferenceMillis();
        long otherAt = f.cprOdd ? a.evenAt : a.oddAt;
        boolean otherSurface = f.cprOdd ? a.evenSurface : a.oddSurface;
        long window = surface ? settings.surfacePairMillis() : settings.airbornePairMillis();
        Fix kind = Fix.WAITING;
        if (otherAt != 0 && otherSurface == surface && now - otherAt <= window) {
            boolean ok;
            if (!surface) {
                ok = Cpr.globalAirborne(a.evenLat, a.evenLon, a.oddLat, a.oddLon, f.cprOdd, decoded);
            } else if (ownReference || receiverKnown) {
                ok = Cpr.globalSurface(a.evenLat, a.evenLon, a.oddLat, a.oddLon, f.cprOdd,
                        ownReference ? a.lat : rxLat, ownReference ? a.lon : rxLon, decoded);
            } else {
                return Fix.WAITING;
            }
            if (!ok) {
                rejectedCpr++;
                forgetPair(a);
                return Fix.REJECTED_CPR;
            }
            kind = Fix.GLOBAL;
        } else if (ownReference) {
            if (!Cpr.local(f.cprLat, f.cprLon, f.cprOdd, surface, a.lat, a.lon, decoded)) {
                rejectedCpr++;
                return Fix.REJECTED_CPR;
            }
            kind = Fix.LOCAL;
        } else if (receiverKnown && (surface || settings.maxRangeNm() < 180)) {
            if (!Cpr.local(f.cprLat, f.cprLon, f.cprOdd, surface, rxLat, rxLon, decoded)) {
                rejectedCpr++;
                return Fix.REJECTED_CPR;
            }
            kind = Fix.LOCAL;
        } else {
            return Fix.WAITING;
        }
        double lat = decoded[0];
        double lon = decoded[1];
        if (receiverKnown && distanceNm(rxLat, rxLon, lat, lon) > settings.maxRangeNm()) {
            rejectedRange++;
            if (kind == Fix.GLOBAL) {
                forgetPair(a);
            }
            return Fix.REJECTED_RANGE;
        }
        if (a.positionAt != 0 && !plausibleMove(a, lat, lon, now, surface)) {
            if (kind == Fix.GLOBAL) {
                forgetPair(a);
                if (++a.globalRejectsInARow >= 2) {
                    // Fresh pairs keep disagreeing with the old fix: the old fix is the wrong one.
                    a.positionAt = 0;
                    a.globalRejectsInARow = 0;
                }
            }
            rejectedSpeed++;
            return Fix.REJECTED_SPEED;
        }
        a.lat = lat;
        a.lon = lon;
        a.positionAt = now;
        a.globalRejectsInARow = 0;
        return kind;
    }

    private boolean plausibleMove(TrackedAircraft a, double lat, double lon, long now, boolean surface) {
        double hours = Math.max(now - a.positionAt, 0) / 3_600_000.0;
        double limit = surface ? settings.maxSurfaceSpeedKt() : settings.maxAirborneSpeedKt();
        // half a mile for the encoding's resolution and receivers' clock differences
        return distanceNm(a.lat, a.lon, lat, lon) <= limit * hours + 0.5;
    }

    /** A rejected pair is not reused: one bad message would otherwise spoil the next pair as well. */
    private static void forgetPair(TrackedAircraft a) {
        a.evenAt = 0;
        a.oddAt = 0;
    }

    /** Equirectangular distance: exact enough within a receiver's range, and cheap. */
    static double distanceNm(double lat1, double lon1, double lat2, double lon2) {
        double dLat = lat2 - lat1;
        double dLon = lon2 - lon1;
        if (dLon > 180) {
            dLon -= 360;
        } else if (dLon < -180) {
            dLon += 360;
        }
        double x = dLon * Math.cos(Math.toRadians((lat1 + lat2) / 2));
        return Math.sqrt(dLat * dLat + x * x) * NM_PER_DEGREE;
    }

    private void expire(long now) {
        if (now - lastExpiry < 10_000) {
            return;
        }
        lastExpiry = now;
        Iterator<TrackedAircraft> all = aircraft.values().iterator();
        while (all.hasNext()) {
            if (now - all.next().lastHeard > settings.aircraftTimeoutMillis()) {
                all.remove();
            }
        }
    }
}
