package io.streamgate.ingest.jobs;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.streamgate.ingest.batch.BatchEndpoint;
import io.streamgate.ingest.batch.BatchIngest;
import io.streamgate.ingest.batch.BatchSpec;
import io.streamgate.ingest.batch.FieldReader;
import io.streamgate.platform.event.EventTypes;
import io.streamgate.platform.jobs.JobEvent;
import io.streamgate.platform.topic.Topics;

/** Ingest job lifecycle events (Spooled) */
@Path("/v1/jobs/events")
@Tag(name = "Jobs", description = "Job lifecycle events (Spooled): "
        + "{events: [{event, job_id, queue, status, previous_status, attempt, max_attempts, "
        + "priority, worker_id, error, will_retry, duration_ms, result, timestamp}]}")
public class JobEventsResource implements BatchEndpoint {

    static final BatchSpec<JobEvent> SPEC = new BatchSpec<>(Topics.JOBS_EVENTS, "events", "/ingest/jobs",
            JobEventsResource::read, JobEvent::jobId, e -> EventTypes.JOB_PREFIX + e.event(), JobEvent::timestamp);

    private final BatchIngest batch;

    JobEventsResource(BatchIngest batch) {
        this.batch = batch;
    }

    @Override
    public Response ingest(String idempotencyKey, byte[] body) {
        return batch.ingest(SPEC, idempotencyKey, body);
    }

    static JobEvent read(FieldReader f) {
        String event = f.oneOf("event", JobEvent.EVENTS, true);
        String job = f.requiredText("job_id");
        String queue = f.requiredText("queue");
        String status = f.oneOf("status", JobEvent.STATUSES, true);
        String previous = f.oneOf("previous_status", JobEvent.STATUSES, false);
        Integer attempt = f.integer("attempt", 1, Integer.MAX_VALUE);
        Integer maxAttempts = f.integer("max_attempts", 1, Integer.MAX_VALUE);
        Integer priority = f.integer("priority", Integer.MIN_VALUE, Integer.MAX_VALUE);
        String worker = f.text("worker_id");
        String error = f.text("error");
        JsonNode willRetry = f.raw("will_retry");
        if (willRetry != null && !willRetry.isNull() && !willRetry.isBoolean()) {
            f.problem("will_retry", "must be true or false");
        }
        Integer durationMs = f.integer("duration_ms", 0, Integer.MAX_VALUE);
        Map<String, Object> result = f.object("result");
        Instant timestamp = f.requiredInstant("timestamp");
        if ("failed".equals(event) && error == null) {
            f.problem("error", "is required for a failed event");
        }
        if ("status_change".equals(event) && previous == null) {
            f.problem("previous_status", "is required for a status_change event");
        }
        return f.valid() ? new JobEvent(event, job, queue, status, previous, attempt, maxAttempts, priority, worker,
                error, willRetry == null || willRetry.isNull() ? null : willRetry.asBoolean(),
                durationMs == null ? null : durationMs.longValue(), result, timestamp) : null;
    }
}
