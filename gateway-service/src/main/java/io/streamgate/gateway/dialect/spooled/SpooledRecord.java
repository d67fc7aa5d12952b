package io.streamgate.gateway.dialect.spooled;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Predicate;

import io.streamgate.gateway.engine.events.LiveEvent;
import io.streamgate.platform.event.EventTypes;
import io.streamgate.platform.jobs.JobEvent;
import io.streamgate.platform.jobs.WorkerEvent;
import io.streamgate.platform.json.Json;

/**
 * A job or worker event as Spooled's filters and codec see it, decoded once. The engine asks every filter
 * group of a tenant about the same event in a row, and then encodes it, so the last decoded event is
 * remembered per thread: one parse per event however many groups test it.
 *
 * @param name    the dotted event name a client filters on ({@code job.created}, {@code worker.heartbeat})
 * @param job     the job event, or null for a worker event
 * @param worker  the worker event, or null for a job event
 */
record SpooledRecord(String name, JobEvent job, WorkerEvent worker) {

    private static final SpooledRecord UNREADABLE = new SpooledRecord(null, null, null);
    private static final ThreadLocal<Object[]> LAST = ThreadLocal.withInitial(() -> new Object[2]);

    static SpooledRecord of(LiveEvent event) {
        Object[] last = LAST.get();
        if (last[0] == event) {
            return (SpooledRecord) last[1];
        }
        SpooledRecord record = read(event);
        last[0] = event;
        last[1] = record;
        return record;
    }

    private static SpooledRecord read(LiveEvent event) {
        String type = event.envelope().type();
        try {
            if (type.startsWith(EventTypes.JOB_PREFIX)) {
                JobEvent job = Json.decode(event.data(), JobEvent.class);
                return new SpooledRecord(jobEventName(job.event()), job, null);
            }
            if (type.startsWith(EventTypes.WORKER_PREFIX)) {
                WorkerEvent worker = Json.decode(event.data(), WorkerEvent.class);
                return new SpooledRecord(worker.event() == null ? null : "worker." + worker.event(), null, worker);
            }
        } catch (UncheckedIOException | IllegalArgumentException malformed) {
            // The feed counts malformed records; a client cannot use one.
        }
        return UNREADABLE;
    }

    private static String jobEventName(String event) {
        if (event == null) {
            return null;
        }
        return switch (event) {
        case "created" -> "job.created";
        case "status_change" -> "job.status";
        case "completed" -> "job.completed";
        case "failed" -> "job.failed";
        default -> null;
        };
    }

    boolean readable() {
        return name != null;
    }

    /** The queue the event belongs to; for a worker, null (see {@link #serves}). */
    String queue() {
        return job != null ? job.queue() : null;
    }

    String jobId() {
        return job != null ? job.jobId() : null;
    }

    /** Whether a worker event's worker takes jobs from a queue that {@code matches}. */
    boolean serves(Predicate<String> matches) {
        List<String> queues = worker == null || worker.queues() == null ? List.of() : worker.queues();
        return queues.stream().anyMatch(matches);
    }

    /**
     * The job's last event: it completed or reached a status it never leaves (completed, deadletter,
     * cancelled). A last failed attempt is not yet the end: its move to the dead-letter queue follows.
     * The job stream ends after it.
     */
    boolean terminal() {
        if (job == null) {
            return false;
        }
        return switch (job.event() == null ? "" : job.event()) {
        case "completed" -> true;
        case "failed" -> !Boolean.TRUE.equals(job.willRetry()) && "deadletter".equals(job.status());
        case "status_change" -> "completed".equals(job.status()) || "deadletter".equals(job.status())
                || "cancelled".equals(job.status());
        default -> false;
        };
    }
}
