package io.streamgate.gateway.transport;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.streamgate.gateway.dialect.Heartbeat;
import io.streamgate.gateway.engine.EngineLoop;
import io.streamgate.gateway.engine.Refusal;

/**
 * Pings every WebSocket connection every {@code ping-interval} and closes those whose client has gone
 * silent (no frame, no pong) for longer than its dialect allows, with the dialect's heartbeat-timeout
 * code, so dead peers behind NATs and proxies do not hold sessions forever; sends the dialect's own
 * {@link Heartbeat} message where it has one (rendered once per sweep). One sweep for every connection,
 * once a second.
 */
@ApplicationScoped
public class IdleConnections {

    private static final Duration SWEEP = Duration.ofSeconds(1);

    private final Map<WebSocketSession, Watch> watched = new ConcurrentHashMap<>();
    private final EngineLoop loop;
    private final Duration pingInterval;
    private final Counter closed;

    IdleConnections(EngineLoop loop, WebSocketConfig config, MeterRegistry registry) {
        this.loop = loop;
        this.pingInterval = config.pingInterval();
        this.closed = Counter.builder("streamgate.gateway.idle.closes")
                .description("Connections closed for heartbeat timeout").register(registry);
    }

    void start(@Observes StartupEvent started) {
        loop.every(SWEEP, this::sweep);
    }

    /** @param heartbeat the dialect's own heartbeat, or null; the first goes out on the next sweep */
    void watch(WebSocketSession session, Duration timeout, Heartbeat heartbeat) {
        watched.put(session, new Watch(timeout, heartbeat, System.nanoTime()));
    }

    void forget(WebSocketSession session) {
        watched.remove(session);
    }

    private void sweep() {
        long now = System.nanoTime();
        boolean pinging = !pingInterval.isZero();
        Map<Heartbeat, String> heartbeats = new HashMap<>();
        watched.forEach((session, watch) -> {
            if (session.silentFor().compareTo(watch.timeout) > 0) {
                watched.remove(session);
                closed.increment();
                session.close(Refusal.HEARTBEAT_TIMEOUT, "Heartbeat timeout");
                return;
            }
            if (pinging) {
                session.pingIfDue(now, pingInterval);
            }
            if (watch.heartbeat != null && now - watch.nextHeartbeatNanos >= 0) {
                watch.nextHeartbeatNanos = now + watch.heartbeat.interval().toNanos();
                session.send(heartbeats.computeIfAbsent(watch.heartbeat, beat -> beat.message().get()));
            }
        });
    }

    /** What a connection is watched for; its heartbeat time is only touched by the sweep. */
    private static final class Watch {
        final Duration timeout;
        final Heartbeat heartbeat;
        long nextHeartbeatNanos;

        Watch(Duration timeout, Heartbeat heartbeat, long nextHeartbeatNanos) {
            this.timeout = timeout;
            this.heartbeat = heartbeat;
            this.nextHeartbeatNanos = nextHeartbeatNanos;
        }
    }
}
