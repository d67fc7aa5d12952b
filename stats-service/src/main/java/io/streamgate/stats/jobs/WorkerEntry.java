package io.streamgate.stats.jobs;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One registered worker as kept for {@code queue_stats}; {@code seen} is its last event, epoch ms. */
@RegisterForReflection
public record WorkerEntry(
        @JsonProperty("worker_id") String workerId,
        @JsonProperty("queues") List<String> queues,
        @JsonProperty("active_jobs") Integer activeJobs,
        @JsonProperty("seen") long seen) {
}
