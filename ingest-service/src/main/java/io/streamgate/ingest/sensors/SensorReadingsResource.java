package io.streamgate.ingest.sensors;

import java.time.Instant;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.streamgate.ingest.batch.BatchEndpoint;
import io.streamgate.ingest.batch.BatchIngest;
import io.streamgate.ingest.batch.BatchSpec;
import io.streamgate.ingest.batch.FieldReader;
import io.streamgate.platform.event.EventTypes;
import io.streamgate.platform.sensors.SensorReading;
import io.streamgate.platform.topic.Topics;

/** Ingest industrial sensor readings (Haltless) */
@Path("/v1/sensors/readings")
@Tag(name = "Sensors", description = "Industrial sensor readings (Haltless): "
        + "{readings: [{machine_id, metric_name, value, unit, timestamp}]}")
public class SensorReadingsResource implements BatchEndpoint {

    static final BatchSpec<SensorReading> SPEC = new BatchSpec<>(Topics.SENSOR_READINGS, "readings",
            "/ingest/sensors", SensorReadingsResource::read, SensorReading::machineId, r -> EventTypes.SENSOR_READING,
            SensorReading::timestamp);

    private final BatchIngest batch;

    SensorReadingsResource(BatchIngest batch) {
        this.batch = batch;
    }

    @Override
    public Response ingest(String idempotencyKey, byte[] body) {
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
