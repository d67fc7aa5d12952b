package io.streamgate.ingest.jobs;

import java.time.Instant;
import java.util.List;

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
import io.streamgate.platform.jobs.WorkerEvent;
import io.streamgate.platform.topic.Topics;

/** Ingest worker events (Spooled) */
@Path("/v1/workers/events")
public class WorkerEventsResource {

    static final BatchSpec<WorkerEvent> SPEC = new BatchSpec<>(Topics.WORKERS_EVENTS, "events", "/ingest/workers",
            WorkerEventsResource::read, WorkerEvent::workerId, e -> EventTypes.WORKER_PREFIX + e.event(),
            WorkerEvent::timestamp);

    private final BatchIngest batch;

    WorkerEventsResource(BatchIngest batch) {
        this.batch = batch;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Ingest worker events (Spooled)", description = "Body: {\"events\": [ … ]} or a bare array. Accepted whole or refused whole; "
            + "202 only after Kafka acknowledged every record.")
    @APIResponse(responseCode = "202", description = "Every item written")
    @APIResponse(responseCode = "400", description = "The body is not JSON")
    @APIResponse(responseCode = "422", description = "Invalid items; each bad field is named")
    @APIResponse(responseCode = "503", description = "Kafka is unavailable; retry after Retry-After seconds")
    public Response ingest(@HeaderParam(IdempotentWrites.HEADER) String idempotencyKey, byte[] body) {
        return batch.ingest(SPEC, idempotencyKey, body);
    }

    static WorkerEvent read(FieldReader f) {
        String event = f.oneOf("event", WorkerEvent.EVENTS, true);
        String worker = f.requiredText("worker_id");
        List<String> queues = f.textList("queues");
        String hostname = f.text("hostname");
        Integer active = f.integer("active_jobs", 0, Integer.MAX_VALUE);
        Integer max = f.integer("max_jobs", 0, Integer.MAX_VALUE);
        Instant timestamp = f.requiredInstant("timestamp");
        return f.valid() ? new WorkerEvent(event, worker, queues == null ? List.of() : queues, hostname, active, max,
                timestamp) : null;
    }
}
