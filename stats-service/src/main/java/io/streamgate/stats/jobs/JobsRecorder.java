package io.streamgate.stats.jobs;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.streamgate.platform.event.EventTypes;
import io.streamgate.platform.jobs.JobEvent;
import io.streamgate.platform.jobs.WorkerEvent;
import io.streamgate.platform.json.Json;
import io.streamgate.platform.topic.Topics;
import io.streamgate.stats.StatsConfig;
import io.streamgate.stats.kafka.Incoming;
import io.streamgate.stats.kafka.Recorder;
import io.streamgate.stats.store.Days;
import io.streamgate.stats.store.RedisBatch;
import io.streamgate.stats.store.RedisReads;
import io.streamgate.stats.window.MinuteWindows;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Command;

/**
 * {@code jobs.events} → which jobs wait and run per queue (sets of job ids: a job read twice is still one job),
 * the day's completed / failed counters, created→completed latencies and the throughput window;
 * {@code workers.events} → the registered workers.
 */
@ApplicationScoped
public class JobsRecorder implements Recorder {

    /** Recent created times kept in memory, so most completions need no Redis read. */
    private static final int CREATED_CACHE = 100_000;

    private final StatsConfig config;
    private final MinuteWindows windows;
    private final RedisReads redis;
    private final Map<String, Long> createdCache = new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > CREATED_CACHE;
        }
    };

    JobsRecorder(StatsConfig config, MinuteWindows windows, RedisReads redis) {
        this.config = config;
        this.windows = windows;
        this.redis = redis;
    }

    /** The throughput window metric of a queue. */
    static String completedMetric(String queue) {
        return "completed:" + queue;
    }

    @Override
    public List<String> topics() {
        return List.of(Topics.JOBS_EVENTS.name(), Topics.WORKERS_EVENTS.name());
    }

    @Override
    public void record(Incoming record, RedisBatch batch) {
        if (record.tombstone() || record.type() == null) {
            throw new IllegalArgumentException("not a job or worker event");
        }
        if (record.type().startsWith(EventTypes.JOB_PREFIX)) {
            job(record, record.as(JobEvent.class), batch);
        } else if (record.type().startsWith(EventTypes.WORKER_PREFIX)) {
            worker(record, record.as(WorkerEvent.class), batch);
        } else {
            throw new IllegalArgumentException("not a job or worker event: " + record.type());
        }
        batch.tenant(record.tenant());
    }

    private void job(Incoming record, JobEvent event, RedisBatch batch) {
        if (event.jobId() == null || event.queue() == null || event.event() == null) {
            throw new IllegalArgumentException("a job event needs event, job_id and queue");
        }
        String tenant = record.tenant();
        String queue = event.queue();
        String job = event.jobId();
        Instant at = event.timestamp() != null ? event.timestamp() : record.time();
        Duration ttl = config.jobs().stateTtl();
        batch.sadd(JobKeys.queues(tenant), queue, ttl);

        String status = event.status() != null ? event.status() : "created".equals(event.event()) ? "pending" : null;
        if ("pending".equals(status) || "scheduled".equals(status)) {
            batch.sadd(JobKeys.pending(tenant, queue), job, ttl);
            batch.srem(JobKeys.running(tenant, queue), job);
        } else if ("running".equals(status)) {
            batch.srem(JobKeys.pending(tenant, queue), job);
            batch.sadd(JobKeys.running(tenant, queue), job, ttl);
        } else if (status != null) {
            batch.srem(JobKeys.pending(tenant, queue), job);
            batch.srem(JobKeys.running(tenant, queue), job);
        }

        switch (event.event()) {
            case "created" -> {
                createdCache.put(tenant + "/" + job, at.toEpochMilli());
                batch.hset(JobKeys.created(tenant), job, Long.toString(at.toEpochMilli()), ttl);
            }
            case "completed" -> {
                batch.hincrby(JobKeys.day(tenant, queue, Days.day(at)), "completed", 1, Days.ttl(config));
                windows.count(tenant, completedMetric(queue), record.receivedMillis(), 1);
                Long created = created(tenant, job);
                if (created != null && at.toEpochMilli() >= created) {
                    batch.lpushCapped(JobKeys.latencies(tenant, queue), Long.toString(at.toEpochMilli() - created),
                            config.jobs().latencySamples(), ttl);
                }
            }
            case "failed" -> batch.hincrby(JobKeys.day(tenant, queue, Days.day(at)), "failed", 1, Days.ttl(config));
            default -> {
                // status_change: the sets above are all it changes.
            }
        }
        if ("completed".equals(status) || "deadletter".equals(status) || "cancelled".equals(status)) {
            createdCache.remove(tenant + "/" + job);
            batch.hdel(JobKeys.created(tenant), job);
        }
    }

    /** When the job was created: from memory, else from Redis (after a restart or a rebalance). */
    private Long created(String tenant, String job) {
        Long cached = createdCache.get(tenant + "/" + job);
        if (cached != null) {
            return cached;
        }
        var reply = redis.send(Request.cmd(Command.HGET).arg(JobKeys.created(tenant)).arg(job));
        return reply == null ? null : Long.parseLong(reply.toString());
    }

    private void worker(Incoming record, WorkerEvent event, RedisBatch batch) {
        if (event.workerId() == null) {
            throw new IllegalArgumentException("a worker event needs worker_id");
        }
        String key = JobKeys.workers(record.tenant());
        if ("deregistered".equals(event.event())) {
            batch.hdel(key, event.workerId());
            return;
        }
        Instant at = event.timestamp() != null ? event.timestamp() : record.time();
        WorkerEntry entry = new WorkerEntry(event.workerId(), event.queues() == null ? List.of() : event.queues(),
                event.activeJobs(), at.toEpochMilli());
        batch.hset(key, event.workerId(), new String(Json.encode(entry), StandardCharsets.UTF_8),
                config.jobs().stateTtl());
    }
}
