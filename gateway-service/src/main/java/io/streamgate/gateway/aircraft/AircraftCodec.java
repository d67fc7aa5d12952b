package io.streamgate.gateway.aircraft;

import java.util.Collection;

import io.streamgate.gateway.engine.Encoder;
import io.streamgate.platform.aviation.AircraftPosition;

/** How a dialect writes the aircraft feed: its changes, and the snapshot a new or resynced client gets. */
public interface AircraftCodec extends Encoder<AircraftChange> {

    String snapshot(Collection<AircraftPosition> aircraft);

    /** The periodic sign of life: how many aircraft the tenant's picture holds. */
    String heartbeat(int count);
}
