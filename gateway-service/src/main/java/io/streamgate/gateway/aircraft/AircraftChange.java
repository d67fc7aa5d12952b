package io.streamgate.gateway.aircraft;

import io.streamgate.platform.aviation.AircraftPosition;

/**
 * What happened to one aircraft since the last tick.
 *
 * @param kind     whether the gateway had seen the aircraft before
 * @param position its latest state
 * @param shipped  the state last shipped to subscribers, which deltas are computed against; null when
 *                 none was (a new aircraft)
 */
public record AircraftChange(Kind kind, AircraftPosition position, AircraftPosition shipped) {

    public AircraftChange(Kind kind, AircraftPosition position) {
        this(kind, position, null);
    }

    /** This change with the state subscribers last saw, filled in when the tick ships it. */
    AircraftChange since(AircraftPosition lastShipped) {
        return new AircraftChange(kind, position, lastShipped);
    }


    public enum Kind {
        /** First report of an aircraft the view did not hold. */
        NEW,
        /** A newer report of a known aircraft. */
        UPDATE,
        /** The aircraft timed out ({@code aircraft.state} tombstone); {@code position} is its last state. */
        REMOVE
    }

    /**
     * Folds a newer change into the one pending for the same tick: the latest state wins, a NEW aircraft
     * stays new to the client, a removal wins, and an aircraft that comes back after a removal is new.
     */
    static AircraftChange merge(AircraftChange pending, AircraftChange newer) {
        if (newer.kind() == Kind.REMOVE) {
            return newer;
        }
        Kind kind = pending.kind() == Kind.UPDATE ? newer.kind() : Kind.NEW;
        return new AircraftChange(kind, newer.position());
    }
}
