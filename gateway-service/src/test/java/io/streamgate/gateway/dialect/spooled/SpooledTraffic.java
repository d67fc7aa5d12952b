package io.streamgate.gateway.dialect.spooled;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;

import io.streamgate.devstack.testing.EventWriter;
import io.streamgate.platform.event.EventTypes;
import io.streamgate.platform.jobs.JobEvent;
import io.streamgate.platform.jobs.WorkerEvent;
import io.streamgate.platform.json.Json;
import io.streamgate.platform.topic.Topics;

/** Job, worker and queue-figure records written to the real broker, as ingest and stats-service write them. */
final class SpooledTraffic implements AutoCloseable {

    private final EventWriter writer = new EventWriter(
            ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));

    static JobEvent created(String jobId, String queue, int priority) {
        return new JobEvent("created", jobId, queue, "pending", null, 1, 3, priority, null, null, null, null, null,
                Instant.now());
    }

    static JobEvent status(String jobId, String queue, String from, String to) {
        return new JobEvent("status_change", jobId, queue, to, from, 1, 3, null, "w-1", null, null, null, null,
                Instant.now());
    }

    static JobEvent completed(String jobId, String queue, long durationMs) {
        return new JobEvent("completed", jobId, queue, "completed", null, 1, 3, null, "w-1", null, null, durationMs,
                Map.of("sent", true), Instant.now());
    }

    static JobEvent failed(String jobId, String queue, int attempt, boolean willRetry, String error) {
        return new JobEvent("failed", jobId, queue, "failed", null, attempt, 3, null, "w-1", error, willRetry, 120L,
                null, Instant.now());
    }

    static WorkerEvent worker(String event, String workerId, List<String> queues) {
        return new WorkerEvent(event, workerId, queues, "host-1", 1, 4, Instant.now());
    }

    void job(String tenant, JobEvent event) {
        send(Topics.JOBS_EVENTS.name(), event.jobId(), EventTypes.JOB_PREFIX + event.event(), tenant,
                Json.encode(event));
    }

    void worker(String tenant, WorkerEvent event) {
        send(Topics.WORKERS_EVENTS.name(), event.workerId(), EventTypes.WORKER_PREFIX + event.event(), tenant,
                Json.encode(event));
    }

    /** {@code queue_stats} as stats-service publishes it; {@code counts} per queue: pending, running, completed, failed. */
    void queueStats(String tenant, Map<String, long[]> counts) {
        StringBuilder queues = new StringBuilder();
        counts.forEach((queue, c) -> queues.append(queues.length() == 0 ? "" : ",").append("{\"queue\":\"")
                .append(queue).append("\",\"pending\":").append(c[0]).append(",\"running\":").append(c[1])
                .append(",\"completed\":").append(c[2]).append(",\"failed\":").append(c[3])
                .append(",\"throughput_per_minute\":0,\"workers\":1}"));
        String value = "{\"stat_type\":\"queue_stats\",\"data\":{\"date\":\"2026-12-03\",\"queues\":[" + queues
                + "],\"workers\":{\"total\":1,\"busy\":0}},\"computed_at\":\"" + Instant.now() + "\"}";
        send(Topics.STATS_UPDATES.name(), tenant + "/queue_stats", EventTypes.STATS_UPDATE, tenant,
                value.getBytes(StandardCharsets.UTF_8));
    }

    private void send(String topic, String key, String type, String tenant, byte[] value) {
        writer.send(topic, key, type, tenant, value);
    }

    @Override
    public void close() {
        writer.close();
    }
}
