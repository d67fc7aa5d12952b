package io.streamgate.gateway.transport;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.streamgate.gateway.engine.EngineLoop;
import io.streamgate.gateway.engine.Refusal;

/**
 * Pings every WebSocket connection every {@code ping-interval} and closes those whose client has gone
 * silent (no frame, no pong) for longer than its dialect allows, with the dialect's heartbeat-timeout
 * code, so dead peers behind NATs and proxies do not hold sessions forever. One sweep for every
 * connection, once a second.
 */
@ApplicationScoped
public class IdleConnections {

    private static final Duration SWEEP = Duration.ofSeconds(1);

    private final Map<WebSocketSession, Duration> watched = new ConcurrentHashMap<>();
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

    void watch(WebSocketSession session, Duration timeout) {
        watched.put(session, timeout);
    }

    void forget(WebSocketSession session) {
        watched.remove(session);
    }

    private void sweep() {
        long now = System.nanoTime();
        boolean pinging = !pingInterval.isZero();
        watched.forEach((session, timeout) -> {
            if (session.silentFor().compareTo(timeout) > 0) {
                watched.remove(session);
                closed.increment();
                session.close(Refusal.HEARTBEAT_TIMEOUT, "Heartbeat timeout");
            } else if (pinging) {
                session.pingIfDue(now, pingInterval);
            }
        });
    }
}
