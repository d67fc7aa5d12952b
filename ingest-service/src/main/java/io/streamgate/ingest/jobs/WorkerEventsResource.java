package io.streamgate.ingest.jobs;

import java.time.Instant;
import java.util.List;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.streamgate.ingest.batch.BatchEndpoint;
import io.streamgate.ingest.batch.BatchIngest;
import io.streamgate.ingest.batch.BatchSpec;
import io.streamgate.ingest.batch.FieldReader;
import io.streamgate.platform.event.EventTypes;
import io.streamgate.platform.jobs.WorkerEvent;
import io.streamgate.platform.topic.Topics;

/** Ingest worker events (Spooled) */
@Path("/v1/workers/events")
@Tag(name = "Workers", description = "Worker events (Spooled): "
        + "{events: [{event, worker_id, queues, hostname, active_jobs, max_jobs, timestamp}]}")
public class WorkerEventsResource implements BatchEndpoint {

    static final BatchSpec<WorkerEvent> SPEC = new BatchSpec<>(Topics.WORKERS_EVENTS, "events", "/ingest/workers",
            WorkerEventsResource::read, WorkerEvent::workerId, e -> EventTypes.WORKER_PREFIX + e.event(),
            WorkerEvent::timestamp);

    private final BatchIngest batch;

    WorkerEventsResource(BatchIngest batch) {
        this.batch = batch;
    }

    @Override
    public Response ingest(String idempotencyKey, byte[] body) {
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
