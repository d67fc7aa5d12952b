package io.streamgate.platform.event;

/** The CloudEvents {@code type} values StreamGate writes, one per kind of fact. */
public final class EventTypes {

    public static final String AIRCRAFT_POSITION = "io.streamgate.aircraft.position";

    private EventTypes() {
    }
}
