package io.streamgate.ingest.sensors;

import java.time.Instant;

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
import io.streamgate.platform.event.EventTypes;
import io.streamgate.platform.sensors.SensorReading;
import io.streamgate.platform.topic.Topics;

/** Ingest industrial sensor readings (Haltless) */
@Path("/v1/sensors/readings")
public class SensorReadingsResource {

    static final BatchSpec<SensorReading> SPEC = new BatchSpec<>(Topics.SENSOR_READINGS, "readings",
            "/ingest/sensors", SensorReadingsResource::read, SensorReading::machineId, r -> EventTypes.SENSOR_READING,
            SensorReading::timestamp);

    private final BatchIngest batch;

    SensorReadingsResource(BatchIngest batch) {
        this.batch = batch;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Ingest industrial sensor readings (Haltless)", description = "Body: {\"readings\": [ … ]} or a bare array. Accepted whole or refused whole; "
            + "202 only after Kafka acknowledged every record.")
    @APIResponse(responseCode = "202", description = "Every item written")
    @APIResponse(responseCode = "400", description = "The body is not JSON")
    @APIResponse(responseCode = "422", description = "Invalid items; each bad field is named")
    @APIResponse(responseCode = "503", description = "Kafka is unavailable; retry after Retry-After seconds")
    public Response ingest(@HeaderParam(IdempotentWrites.HEADER) String idempotencyKey, byte[] body) {
        return batch.ingest(SPEC, idempotencyKey, body);
    }

    static SensorReading read(FieldReader f) {
        String machine = f.requiredText("machine_id");
        String metric = f.requiredText("metric_name");
        Double value = f.requiredNumber("value", -Double.MAX_VALUE, Double.MAX_VALUE);
        String unit = f.text("unit");
        Instant timestamp = f.requiredInstant("timestamp");
        return f.valid() ? new SensorReading(machine, metric, value, unit, timestamp) : null;
    }
}
