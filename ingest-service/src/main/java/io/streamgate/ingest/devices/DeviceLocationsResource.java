package io.streamgate.ingest.devices;

import java.time.Instant;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.streamgate.ingest.batch.BatchIngest;
import io.streamgate.ingest.batch.BatchSpec;
import io.streamgate.ingest.batch.FieldReader;
import io.streamgate.ingest.idempotency.IdempotentWrites;
import io.streamgate.platform.devices.DeviceLocation;
import io.streamgate.platform.event.EventTypes;
import io.streamgate.platform.topic.Topics;

/** Ingest device locations (SpatialFlow) */
@Path("/v1/devices/locations")
public class DeviceLocationsResource {

    static final BatchSpec<DeviceLocation> SPEC = new BatchSpec<>(Topics.DEVICE_LOCATIONS, "locations",
            "/ingest/devices", DeviceLocationsResource::read, DeviceLocation::deviceId,
            l -> EventTypes.DEVICE_LOCATION, DeviceLocation::timestamp);

    private final BatchIngest batch;

    DeviceLocationsResource(BatchIngest batch) {
        this.batch = batch;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Ingest device locations (SpatialFlow)", description = "Body: {\"locations\": [ … ]} or a bare array. Accepted whole or refused whole; "
            + "202 only after Kafka acknowledged every record.")
    @APIResponse(responseCode = "202", description = "Every item written")
    @APIResponse(responseCode = "400", description = "The body is not JSON")
    @APIResponse(responseCode = "422", description = "Invalid items; each bad field is named")
    @APIResponse(responseCode = "503", description = "Kafka is unavailable; retry after Retry-After seconds")
    public Response ingest(@HeaderParam(IdempotentWrites.HEADER) String idempotencyKey, byte[] body) {
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
