package io.streamgate.gateway.aircraft;

import io.streamgate.platform.aviation.AircraftPosition;

/**
 * What happened to one aircraft since the last tick.
 *
 * @param kind     whether the gateway had seen the aircraft before
 * @param position its latest state
 */
public record AircraftChange(Kind kind, AircraftPosition position) {

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
