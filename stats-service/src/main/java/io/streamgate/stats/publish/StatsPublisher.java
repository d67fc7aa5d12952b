package io.streamgate.stats.publish;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.streamgate.platform.json.Json;
import io.streamgate.platform.stats.StatsUpdate;
import io.streamgate.stats.StatsConfig;
import io.streamgate.stats.StatsMetrics;
import io.streamgate.stats.store.RedisReads;
import io.streamgate.stats.store.StatsKeys;
import io.streamgate.stats.window.WindowContributions;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import io.vertx.mutiny.redis.client.Command;

/**
 * On every tick: shares this replica's minute windows, then, for each tenant and stat type not computed
 * within the last interval, computes the figures and publishes them when they differ from the latest
 * published ones (in Redis, so replicas agree) and the {@link PublicationFloor} allows. Kafka first, then
 * Redis: a figure the broker did not take is not marked published, so it is tried again.
 */
@ApplicationScoped
public class StatsPublisher {

    private static final Logger LOG = Logger.getLogger(StatsPublisher.class);

    private final StatsConfig config;
    private final StatTypes types;
    private final RedisReads redis;
    private final WindowContributions windows;
    private final PublicationFloor floor;
    private final StatsUpdateWriter writer;
    private final StatsMetrics metrics;
    private final Map<String, Long> lastComputed = new ConcurrentHashMap<>();
    private final AtomicBoolean running = new AtomicBoolean();
    private Thread thread;

    StatsPublisher(StatsConfig config, StatTypes types, RedisReads redis, WindowContributions windows,
            PublicationFloor floor, StatsUpdateWriter writer, StatsMetrics metrics) {
        this.config = config;
        this.types = types;
        this.redis = redis;
        this.windows = windows;
        this.floor = floor;
        this.writer = writer;
        this.metrics = metrics;
    }

    void start(@Observes StartupEvent started) {
        running.set(true);
        thread = new Thread(this::run, "stats-publisher");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent stopping) {
        running.set(false);
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        long tick = config.tick().toMillis();
        while (running.get()) {
            long started = System.currentTimeMillis();
            try {
                tick(Instant.ofEpochMilli(started));
            } catch (RuntimeException e) {
                if (!running.get()) {
                    return; // interrupted by the shutdown
                }
                metrics.failed("publish");
                LOG.warnf("stats publication tick failed (%s: %s)", e.getClass().getSimpleName(), e.getMessage());
            }
            try {
                Thread.sleep(Math.max(10, tick - (System.currentTimeMillis() - started)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private record Pending(String tenant, StatsUpdate update, CompletableFuture<Void> ack) {
    }

    void tick(Instant now) {
        windows.share(now.toEpochMilli());
        List<Pending> pending = new ArrayList<>();
        for (String tenant : redis.smembers(StatsKeys.TENANTS)) {
            for (Figures figures : types.all()) {
                StatsUpdate update = due(tenant, figures, now);
                if (update != null) {
                    pending.add(new Pending(tenant, update, writer.send(tenant, update)));
                }
            }
        }
        List<Request> latest = new ArrayList<>();
        for (Pending p : pending) {
            try {
                p.ack().get(config.producer().deliveryTimeout().toMillis() + 5_000, TimeUnit.MILLISECONDS);
                latest.add(Request.cmd(Command.SET).arg(StatsKeys.latest(p.tenant(), p.update().statType()))
                        .arg(new String(Json.encode(p.update()), StandardCharsets.UTF_8)));
                metrics.published(p.update().statType());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                metrics.failed("kafka");
                LOG.warnf("stats.updates did not take %s of tenant %s: %s", p.update().statType(), p.tenant(),
                        e.toString());
            }
        }
        redis.batch(latest);
    }

    /** The update to publish now, or null when not due, unchanged, or held by the floor. */
    private StatsUpdate due(String tenant, Figures figures, Instant now) {
        String type = figures.statType();
        String slot = tenant + "/" + type;
        Long last = lastComputed.get(slot);
        if (last != null && now.toEpochMilli() - last < floor.interval().toMillis()) {
            return null;
        }
        lastComputed.put(slot, now.toEpochMilli());
        long started = System.nanoTime();
        ObjectNode data = ChangeCheck.canonical(figures.compute(tenant, now));
        metrics.computed(type, System.nanoTime() - started);
        Response stored = redis.send(Request.cmd(Command.GET).arg(StatsKeys.latest(tenant, type)));
        if (!ChangeCheck.changed(stored == null ? null : stored.toString(), data)) {
            metrics.held(type, "unchanged");
            return null;
        }
        long at = System.currentTimeMillis();
        if (!floor.claim(tenant, type, at)) {
            // Another replica published within the interval; try again next tick.
            lastComputed.remove(slot);
            metrics.held(type, "floor");
            return null;
        }
        Instant computedAt = Instant.ofEpochMilli(at);
        if ("dashboard".equals(type)) {
            data.put(ChangeCheck.TIMESTAMP, computedAt.toString());
        }
        return new StatsUpdate(type, data, computedAt);
    }

    /** Forgets when each figure was last computed, as a restart would. */
    public void forget() {
        lastComputed.clear();
    }
}
