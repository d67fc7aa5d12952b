package io.streamgate.gateway.dialect.spooled;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.streamgate.gateway.health.SystemHealth;
import io.streamgate.platform.jobs.JobEvent;
import io.streamgate.platform.jobs.WorkerEvent;
import io.streamgate.platform.json.Json;

/**
 * Spooled's events, {@code {"type":"<PascalCase>","data":{…,"timestamp"}}}, with the fields in the order
 * Spooled's own server writes them. Each renderer returns null for an event it has no message for.
 */
final class SpooledMessages {

    private SpooledMessages() {
    }

    static String job(JobEvent job) {
        if (job.event() == null || job.jobId() == null) {
            return null;
        }
        ObjectNode data = Json.mapper().createObjectNode();
        String type;
        switch (job.event()) {
        case "created" -> {
            type = "JobCreated";
            ids(data, job);
            data.put("priority", job.priority() == null ? 0 : job.priority());
        }
        case "status_change" -> {
            type = "JobStatusChange";
            ids(data, job);
            data.put("old_status", job.previousStatus() == null ? "" : job.previousStatus());
            data.put("new_status", job.status());
        }
        case "completed" -> {
            type = "JobCompleted";
            ids(data, job);
            data.put("duration_ms", job.durationMs() == null ? 0 : job.durationMs());
        }
        case "failed" -> {
            type = "JobFailed";
            ids(data, job);
            data.put("error", job.error() == null ? "" : job.error());
            // Spooled counts a job's failed attempts: the first failure makes it 1.
            data.put("retry_count", job.attempt() == null ? 1 : job.attempt());
        }
        default -> {
            return null;
        }
        }
        data.put("timestamp", timestamp(job.timestamp()));
        if ("JobCompleted".equals(type) && job.result() != null) {
            data.set("result", Json.mapper().valueToTree(job.result()));
        }
        return message(type, data);
    }

    static String worker(WorkerEvent worker) {
        if (worker.event() == null || worker.workerId() == null) {
            return null;
        }
        ObjectNode data = Json.mapper().createObjectNode();
        data.put("worker_id", worker.workerId());
        String type;
        switch (worker.event()) {
        case "registered" -> {
            type = "WorkerRegistered";
            List<String> queues = worker.queues() == null ? List.of() : worker.queues();
            // Spooled's message names one queue; a worker of several is registered under its first.
            data.put("queue_name", queues.isEmpty() ? "" : queues.get(0));
        }
        case "heartbeat" -> {
            type = "WorkerHeartbeat";
            data.put("status", "healthy");
            // Heartbeats carry the worker's load, not which job it runs.
            data.putNull("current_job_id");
        }
        case "deregistered" -> type = "WorkerDeregistered";
        default -> {
            return null;
        }
        }
        data.put("timestamp", timestamp(worker.timestamp()));
        return message(type, data);
    }

    static String queueStats(String queue, long pending, long processing, long completed, long failed, Instant at) {
        ObjectNode data = Json.mapper().createObjectNode();
        data.put("queue_name", queue);
        data.put("pending", pending);
        data.put("processing", processing);
        data.put("completed", completed);
        data.put("failed", failed);
        data.put("timestamp", timestamp(at));
        return message("QueueStats", data);
    }

    /** Spooled's {@code database} is where jobs are kept: StreamGate's event log, Kafka. */
    static String systemHealth(SystemHealth health) {
        ObjectNode data = Json.mapper().createObjectNode();
        data.put("database", health.eventLog());
        data.put("redis", health.redis());
        data.put("timestamp", timestamp(health.checkedAt()));
        return message("SystemHealth", data);
    }

    static String ping(Instant now) {
        ObjectNode data = Json.mapper().createObjectNode();
        data.put("timestamp", timestamp(now));
        return message("Ping", data);
    }

    static String error(String text) {
        ObjectNode data = Json.mapper().createObjectNode();
        data.put("message", text);
        data.put("timestamp", timestamp(Instant.now()));
        return message("Error", data);
    }

    private static void ids(ObjectNode data, JobEvent job) {
        data.put("job_id", job.jobId());
        data.put("queue_name", job.queue() == null ? "" : job.queue());
    }

    private static String timestamp(Instant at) {
        return (at == null ? Instant.now() : at).toString();
    }

    private static String message(String type, ObjectNode data) {
        ObjectNode message = Json.mapper().createObjectNode();
        message.put("type", type);
        message.set("data", data);
        return new String(Json.encode(message), StandardCharsets.UTF_8);
    }
}
