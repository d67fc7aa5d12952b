package io.streamgate.gateway.health;

import java.time.Duration;
import java.time.Instant;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.streamgate.gateway.engine.Frame;
import io.streamgate.gateway.engine.Session;
import io.streamgate.platform.kafka.KafkaClients;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;

/**
 * Probes Kafka and Redis every {@code streamgate.gateway.system-health.interval} on a thread of its own
 * (a probe of a dead broker blocks for its timeout) and tells the sessions watching when either changes
 * (Spooled's {@code SystemHealth}). A watcher gets the current state when it starts watching.
 */
@ApplicationScoped
public class SystemHealthView {

    private static final Logger LOG = Logger.getLogger(SystemHealthView.class);

    private final KafkaClients kafka;
    private final Redis redis;
    private final SystemHealthConfig config;
    private final Map<Session, Function<SystemHealth, String>> watchers = new ConcurrentHashMap<>();
    private volatile SystemHealth current;
    private ScheduledExecutorService prober;
    private KafkaConsumer<String, byte[]> probe;

    SystemHealthView(KafkaClients kafka, Redis redis, SystemHealthConfig config, MeterRegistry registry) {
        this.kafka = kafka;
        this.redis = redis;
        this.config = config;
        Gauge.builder("streamgate.gateway.system.up", this, view -> view.current != null && view.current.eventLog() ? 1 : 0)
                .tag("system", "kafka").register(registry);
        Gauge.builder("streamgate.gateway.system.up", this, view -> view.current != null && view.current.redis() ? 1 : 0)
                .tag("system", "redis").register(registry);
    }

    void start(@Observes StartupEvent started) {
        prober = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "gateway-system-health");
            thread.setDaemon(true);
            return thread;
        });
        prober.scheduleWithFixedDelay(this::probe, 0, config.interval().toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (prober != null) {
            prober.execute(() -> {
                if (probe != null) {
                    probe.close(Duration.ZERO);
                }
            });
            prober.shutdown();
        }
    }

    /**
     * Sends {@code render(current)} now (if a probe has run) and again on every change, until
     * {@link #forget}. {@code render} must not depend on the session: one frame goes to all its watchers.
     */
    public void watch(Session session, Function<SystemHealth, String> render) {
        watchers.put(session, render);
        SystemHealth now = current;
        if (now != null) {
            session.send(render.apply(now));
        }
    }

    public void forget(Session session) {
        watchers.remove(session);
    }

    /** The last probe's result; null before the first. */
    public SystemHealth current() {
        return current;
    }

    private void probe() {
        try {
            SystemHealth probed = new SystemHealth(kafkaAnswers(), redisAnswers(), Instant.now());
            SystemHealth before = current;
            current = probed;
            if (!probed.sameAs(before)) {
                if (before != null) {
                    LOG.infof("system health changed: kafka %s, redis %s", up(probed.eventLog()), up(probed.redis()));
                }
                Map<Function<SystemHealth, String>, Frame> frames = new IdentityHashMap<>();
                watchers.forEach((session, render) -> session
                        .send(frames.computeIfAbsent(render, r -> Frame.shared(r.apply(probed)))));
            }
        } catch (RuntimeException e) {
            LOG.warnf("system health probe failed: %s", e.toString());
        }
    }

    private boolean kafkaAnswers() {
        try {
            if (probe == null) {
                probe = kafka.consumer(Map.of(ConsumerConfig.CLIENT_ID_CONFIG, "gateway-system-health",
                        ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) config.timeout().toMillis(),
                        ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) config.timeout().toMillis()));
            }
            probe.listTopics(config.timeout());
            return true;
        } catch (RuntimeException down) {
            return false;
        }
    }

    private boolean redisAnswers() {
        try {
            redis.send(Request.cmd(Command.PING)).toCompletionStage().toCompletableFuture()
                    .get(config.timeout().toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (Exception down) {
            if (down instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return false;
        }
    }

    private static String up(boolean up) {
        return up ? "up" : "down";
    }
}
