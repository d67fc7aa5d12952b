package io.streamgate.gateway.aircraft;

import io.streamgate.gateway.engine.state.StateCodec;
import io.streamgate.platform.aviation.AircraftPosition;

/** How a dialect writes the aircraft picture: its changes, snapshots, and a heartbeat with the aircraft count. */
public interface AircraftCodec extends StateCodec<AircraftPosition> {

    /** The periodic sign of life: how many aircraft the tenant's picture holds. */
    @Override
    String heartbeat(int count);
}
