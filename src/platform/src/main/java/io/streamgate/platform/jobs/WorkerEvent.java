package io.streamgate.platform.jobs;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A worker joining, beating or leaving ({@code workers.events}, key: worker id).
 *
 * @param event      {@code registered}, {@code heartbeat} or {@code deregistered}
 * @param queues     the queues it takes jobs from
 * @param activeJobs jobs it is running now
 * @param maxJobs    jobs it may run at once
 */
public record WorkerEvent(
        @JsonProperty("event") String event,
        @JsonProperty("worker_id") String workerId,
        @JsonProperty("queues") List<String> queues,
        @JsonProperty("hostname") String hostname,
        @JsonProperty("active_jobs") Integer activeJobs,
        @JsonProperty("max_jobs") Integer maxJobs,
        @JsonProperty("timestamp") Instant timestamp) {

    public static final Set<String> EVENTS = Set.of("registered", "heartbeat", "deregistered");
}
