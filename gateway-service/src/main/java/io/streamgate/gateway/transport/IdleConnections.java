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

/**
 * Closes WebSocket connections whose client has gone silent (no frame, no pong to the server's
 * pings) for longer than its dialect allows, with the dialect's close code, so dead peers behind
 * NATs and proxies do not hold sessions forever. One sweep for every connection.
 */
@ApplicationScoped
public class IdleConnections {

    private static final Duration SWEEP = Duration.ofSeconds(1);

    private record Policy(Duration timeout, int code, String reason) {
    }

    private final Map<WebSocketSession, Policy> watched = new ConcurrentHashMap<>();
    private final EngineLoop loop;
    private final Counter closed;

    IdleConnections(EngineLoop loop, MeterRegistry registry) {
        this.loop = loop;
        this.closed = Counter.builder("streamgate.gateway.idle.closes")
                .description("Connections closed for heartbeat timeout").register(registry);
    }

    void start(@Observes StartupEvent started) {
        loop.every(SWEEP, this::sweep);
    }

    public void watch(WebSocketSession session, Duration timeout, int code, String reason) {
        watched.put(session, new Policy(timeout, code, reason));
    }

    public void forget(WebSocketSession session) {
        watched.remove(session);
    }

    private void sweep() {
        watched.forEach((session, policy) -> {
            if (session.silentFor().compareTo(policy.timeout()) > 0) {
                watched.remove(session);
                closed.increment();
                session.close(policy.code(), policy.reason());
            }
        });
    }
}
