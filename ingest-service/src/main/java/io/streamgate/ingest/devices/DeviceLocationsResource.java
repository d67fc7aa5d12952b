package io.streamgate.ingest.devices;

import java.time.Instant;
import java.util.Map;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.streamgate.ingest.batch.BatchEndpoint;
import io.streamgate.ingest.batch.BatchIngest;
import io.streamgate.ingest.batch.BatchSpec;
import io.streamgate.ingest.batch.FieldReader;
import io.streamgate.platform.devices.DeviceLocation;
import io.streamgate.platform.event.EventTypes;
import io.streamgate.platform.topic.Topics;

/** Ingest device locations (SpatialFlow) */
@Path("/v1/devices/locations")
@Tag(name = "Devices", description = "Device locations (SpatialFlow): "
        + "{locations: [{device_id, lat, lon, timestamp, accuracy, speed, heading, altitude, metadata}]}")
public class DeviceLocationsResource implements BatchEndpoint {

    static final BatchSpec<DeviceLocation> SPEC = new BatchSpec<>(Topics.DEVICE_LOCATIONS, "locations",
            "/ingest/devices", DeviceLocationsResource::read, DeviceLocation::deviceId,
            l -> EventTypes.DEVICE_LOCATION, DeviceLocation::timestamp);

    private final BatchIngest batch;

    DeviceLocationsResource(BatchIngest batch) {
        this.batch = batch;
    }

    @Override
    public Response ingest(String idempotencyKey, byte[] body) {
        return batch.ingest(SPEC, idempotencyKey, body);
    }

    static DeviceLocation read(FieldReader f) {
        String device = f.requiredText("device_id");
        Double lat = f.requiredNumber("lat", -90, 90);
        Double lon = f.requiredNumber("lon", -180, 180);
        Instant timestamp = f.requiredInstant("timestamp");
        Double accuracy = f.number("accuracy", 0, Double.MAX_VALUE);
        Double speed = f.number("speed", 0, Double.MAX_VALUE);
        Double heading = f.number("heading", 0, 360);
        Double altitude = f.number("altitude", -Double.MAX_VALUE, Double.MAX_VALUE);
        Map<String, Object> metadata = f.object("metadata");
        return f.valid() ? new DeviceLocation(device, lat, lon, timestamp, accuracy, speed, heading, altitude, metadata)
                : null;
    }
}
