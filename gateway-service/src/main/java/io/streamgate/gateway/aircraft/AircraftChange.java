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
        UPDATE
    }

    /** A newer report within the same tick keeps the older kind: a NEW aircraft is still new to the client. */
    static AircraftChange merge(AircraftChange pending, AircraftChange newer) {
        return new AircraftChange(pending.kind(), newer.position());
    }
}
