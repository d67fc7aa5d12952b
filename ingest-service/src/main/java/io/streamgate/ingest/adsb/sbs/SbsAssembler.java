package io.streamgate.ingest.adsb.sbs;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Optional;

import io.streamgate.ingest.adsb.Emergencies;
import io.streamgate.platform.aviation.AircraftPosition;

/**
 * Builds positions out of SBS messages. Each transmission type carries a few fields (1 callsign, 3 or
 * 2 the position, 4 the velocity, 5–8 altitude, squawk and flags), so the assembler merges them per
 * aircraft and emits the merged state whenever a position fix arrives. One per feeder connection;
 * not thread-safe.
 *
 * <p>Bounded: an aircraft not heard for the timeout is forgotten, and beyond the capacity the one heard
 * least recently goes first.
 */
public final class SbsAssembler {

    /** What is known of one aircraft so far. */
    private static final class Track {
        String callsign;
        Integer altitude;
        Double groundSpeed;
        Double track;
        Integer verticalRate;
        String squawk;
        Boolean emergency;
        boolean onGround;
        Instant lastHeard;
    }

    private final ZoneId zone;
    private final Duration timeout;
    private final int capacity;
    /** Access order: every message moves its aircraft to the tail, so the head was heard least recently. */
    private final LinkedHashMap<String, Track> tracks = new LinkedHashMap<>(64, 0.75f, true);
    private volatile long evicted;

    /**
     * @param zone     the zone of the feeder's date/time fields (dump1090 writes local time)
     * @param timeout  forget an aircraft not heard for this long
     * @param capacity most aircraft remembered
     */
    public SbsAssembler(ZoneId zone, Duration timeout, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("the assembler needs room for at least one aircraft");
        }
        this.zone = zone;
        this.timeout = timeout;
        this.capacity = capacity;
    }

    /**
     * Merges one message into its aircraft's state.
     *
     * @param receivedAt when the line arrived, on ingest's clock (expiry, and the time of a fix whose
     *                   line has no date)
     * @return the aircraft's position when the message is a position fix
     */
    public Optional<AircraftPosition> accept(SbsMessage message, Instant receivedAt) {
        forgetSilentSince(receivedAt.minus(timeout));
        Track track = tracks.get(message.hex());
        if (track == null) {
            if (tracks.size() >= capacity) {
                Iterator<String> leastRecent = tracks.keySet().iterator();
                leastRecent.next();
                leastRecent.remove();
                evicted++;
            }
            track = new Track();
            tracks.put(message.hex(), track);
        }
        track.lastHeard = receivedAt;
        merge(track, message);
        if (!message.hasPosition()) {
            return Optional.empty();
        }
        return Optional.of(position(message, track, receivedAt));
    }

    /** Aircraft remembered now. */
    public int size() {
        return tracks.size();
    }

    /** Aircraft forgotten early because the capacity was reached. */
    public long evicted() {
        return evicted;
    }

    private void forgetSilentSince(Instant cutoff) {
        Iterator<Track> leastRecentFirst = tracks.values().iterator();
        while (leastRecentFirst.hasNext()) {
            if (!leastRecentFirst.next().lastHeard.isBefore(cutoff)) {
                return;
            }
            leastRecentFirst.remove();
        }
    }

    private static void merge(Track track, SbsMessage message) {
        if (message.callsign() != null) {
            track.callsign = message.callsign();
        }
        if (message.altitude() != null) {
            track.altitude = message.altitude();
        }
        if (message.groundSpeed() != null) {
            track.groundSpeed = message.groundSpeed();
        }
        if (message.track() != null) {
            track.track = message.track();
        }
        if (message.verticalRate() != null) {
            track.verticalRate = message.verticalRate();
        }
        if (message.squawk() != null) {
            track.squawk = message.squawk();
        }
        if (message.emergency() != null) {
            track.emergency = message.emergency();
        }
        if (message.type() == 2) {
            // A surface position message is only ever sent on the ground, whatever the flag field says.
            track.onGround = true;
        } else if (message.onGround() != null) {
            track.onGround = message.onGround();
        }
    }

    private AircraftPosition position(SbsMessage message, Track track, Instant receivedAt) {
        // SBS streams each fix as it happens, hence seen_pos 0 and never stale.
        return new AircraftPosition(message.hex(), track.callsign, message.lat(), message.lon(), track.altitude,
                track.onGround, null, track.groundSpeed, track.track, track.verticalRate, null, track.squawk,
                emergency(track), null, false, null, null, null, 0.0, false, time(message, receivedAt));
    }

    /** An emergency squawk names the emergency; the BaseStation flag alone only says there is one. */
    private static String emergency(Track track) {
        Optional<String> fromSquawk = Emergencies.fromSquawk(track.squawk);
        if (fromSquawk.isPresent()) {
            return fromSquawk.get();
        }
        if (track.emergency == null) {
            return null;
        }
        return track.emergency ? Emergencies.GENERAL : Emergencies.NONE;
    }

    private Instant time(SbsMessage message, Instant receivedAt) {
        LocalDateTime local = message.generated() != null ? message.generated() : message.logged();
        return local == null ? receivedAt : local.atZone(zone).toInstant();
    }
}
