package io.streamgate.platform.jobs;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A step in a job's life ({@code jobs.events}, key: job id, so one job's events stay in order).
 *
 * @param event          {@code created}, {@code status_change}, {@code completed} or {@code failed}
 * @param status         the job's status after the event ({@code pending, scheduled, running, completed,
 *                       failed, deadletter, cancelled})
 * @param previousStatus the status before a {@code status_change}
 * @param attempt        the attempt this event belongs to, from 1
 * @param maxAttempts    how many attempts the job gets before it is dead-lettered
 * @param error          why an attempt failed
 * @param willRetry      whether a failed attempt will be retried
 * @param durationMs     how long the attempt ran, for completed and failed events
 * @param result         what a completed job returned
 */
public record JobEvent(
        @JsonProperty("event") String event,
        @JsonProperty("job_id") String jobId,
        @JsonProperty("queue") String queue,
        @JsonProperty("status") String status,
        @JsonProperty("previous_status") String previousStatus,
        @JsonProperty("attempt") Integer attempt,
        @JsonProperty("max_attempts") Integer maxAttempts,
        @JsonProperty("priority") Integer priority,
        @JsonProperty("worker_id") String workerId,
        @JsonProperty("error") String error,
        @JsonProperty("will_retry") Boolean willRetry,
        @JsonProperty("duration_ms") Long durationMs,
        @JsonProperty("result") Map<String, Object> result,
        @JsonProperty("timestamp") Instant timestamp) {

    public static final Set<String> EVENTS = Set.of("created", "status_change", "completed",
            "failed");
    public static final Set<String> STATUSES = Set.of("pending", "scheduled", "running",
            "completed", "failed", "deadletter", "cancelled");
}
