package io.streamgate.gateway.json;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.streamgate.platform.aviation.AircraftPosition;
import io.streamgate.platform.devices.DeviceLocation;
import io.streamgate.platform.safety.SafetyEvent;
import io.streamgate.platform.sensors.MachineStatus;
import io.streamgate.platform.sensors.SensorReading;

/**
 * The platform records the gateway decodes from Kafka with Jackson, registered for reflection so that a
 * native image reads them as the JVM does (Jackson finds record components and their annotations
 * reflectively). A view that decodes a new record type adds it here.
 */
@RegisterForReflection(targets = { AircraftPosition.class, SafetyEvent.class, DeviceLocation.class,
        SensorReading.class, MachineStatus.class })
final class DecodedRecords {

    private DecodedRecords() {
    }
}
