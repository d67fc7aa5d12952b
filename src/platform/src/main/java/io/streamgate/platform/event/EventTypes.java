package io.streamgate.platform.event;

/** The CloudEvents {@code type} values StreamGate writes, one per kind of fact. */
public final class EventTypes {

    public static final String AIRCRAFT_POSITION = "io.streamgate.aircraft.position";
    /** An NGSI entity was created, updated or deleted; the payload's {@code type} says which. */
    public static final String ENTITY_CHANGE = "io.streamgate.entity.change";

    private EventTypes() {
    }
}
