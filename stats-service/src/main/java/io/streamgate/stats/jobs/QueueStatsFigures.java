package io.streamgate.stats.jobs;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.streamgate.platform.json.Json;
import io.streamgate.stats.StatsConfig;
import io.streamgate.stats.publish.Figures;
import io.streamgate.stats.store.Days;
import io.streamgate.stats.store.Nodes;
import io.streamgate.stats.store.RedisReads;
import io.streamgate.stats.window.WindowContributions;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import io.vertx.mutiny.redis.client.Command;

/**
 * {@code queue_stats}: {@code {date, queues: [{queue, pending, running, completed, failed,
 * throughput_per_minute, latency_ms {p50, p95, p99, samples}, workers}], workers {total, busy}}}, queues by
 * name. {@code completed} / {@code failed} count today's (UTC) completions and failed attempts;
 * {@code throughput_per_minute} completions over the last minute; latency is created→completed over the newest
 * {@code latency-samples} completions ({@code null} percentiles without any); a worker counts while its last
 * heartbeat is younger than {@code worker-timeout}, and for every queue it serves.
 */
@ApplicationScoped
public class QueueStatsFigures implements Figures {

    private final RedisReads redis;
    private final WindowContributions windows;
    private final StatsConfig.Jobs config;

    QueueStatsFigures(RedisReads redis, WindowContributions windows, StatsConfig config) {
        this.redis = redis;
        this.windows = windows;
        this.config = config.jobs();
    }

    @Override
    public String statType() {
        return "queue_stats";
    }

    @Override
    public ObjectNode compute(String tenant, Instant now) {
        LocalDate today = Days.day(now);
        List<String> queues = new ArrayList<>(new TreeSet<>(redis.smembers(JobKeys.queues(tenant))));
        List<Request> requests = new ArrayList<>();
        for (String queue : queues) {
            requests.add(Request.cmd(Command.SCARD).arg(JobKeys.pending(tenant, queue)));
            requests.add(Request.cmd(Command.SCARD).arg(JobKeys.running(tenant, queue)));
            requests.add(Request.cmd(Command.HMGET).arg(JobKeys.day(tenant, queue, today)).arg("completed").arg("failed"));
            requests.add(Request.cmd(Command.LRANGE).arg(JobKeys.latencies(tenant, queue)).arg(0).arg(-1));
        }
        List<Response> replies = redis.batch(requests);
        List<WorkerEntry> workers = liveWorkers(tenant, now);
        Map<String, Long> throughput = windows.totals(tenant, now.toEpochMilli());

        ObjectNode data = Nodes.object();
        data.put("date", today.toString());
        ArrayNode list = data.putArray("queues");
        for (int i = 0; i < queues.size(); i++) {
            String queue = queues.get(i);
            List<String> day = RedisReads.strings(replies.get(4 * i + 2));
            ObjectNode node = list.addObject();
            node.put("queue", queue);
            node.put("pending", RedisReads.toLong(replies.get(4 * i)));
            node.put("running", RedisReads.toLong(replies.get(4 * i + 1)));
            node.put("completed", day.size() > 0 && day.get(0) != null ? Long.parseLong(day.get(0)) : 0);
            node.put("failed", day.size() > 1 && day.get(1) != null ? Long.parseLong(day.get(1)) : 0);
            node.put("throughput_per_minute", throughput.getOrDefault(JobsRecorder.completedMetric(queue), 0L));
            node.set("latency_ms", latency(RedisReads.strings(replies.get(4 * i + 3))));
            node.put("workers", workers.stream().filter(w -> w.queues().contains(queue)).count());
        }
        data.putObject("workers").put("total", workers.size())
                .put("busy", workers.stream().filter(w -> w.activeJobs() != null && w.activeJobs() > 0).count());
        return data;
    }

    private List<WorkerEntry> liveWorkers(String tenant, Instant now) {
        long cutoff = now.minus(config.workerTimeout()).toEpochMilli();
        List<WorkerEntry> live = new ArrayList<>();
        for (String json : redis.hvals(JobKeys.workers(tenant))) {
            WorkerEntry worker = Json.decode(json.getBytes(StandardCharsets.UTF_8), WorkerEntry.class);
            if (worker.seen() > cutoff) {
                live.add(worker);
            }
        }
        return live;
    }

    private static ObjectNode latency(List<String> samples) {
        Percentiles percentiles = new Percentiles(samples.stream().mapToLong(Long::parseLong).toArray());
        ObjectNode node = Nodes.object();
        for (String p : List.of("p50", "p95", "p99")) {
            if (percentiles.isEmpty()) {
                node.putNull(p);
            } else {
                node.put(p, percentiles.at(Double.parseDouble(p.substring(1))));
            }
        }
        node.put("samples", percentiles.size());
        return node;
    }
}
