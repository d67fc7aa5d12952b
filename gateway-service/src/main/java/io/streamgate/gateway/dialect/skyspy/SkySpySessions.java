package io.streamgate.gateway.dialect.skyspy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import io.streamgate.gateway.auth.Admission;
import io.streamgate.gateway.auth.HandshakeOutcome;
import io.streamgate.gateway.engine.EngineConfig;
import io.streamgate.gateway.engine.EngineLoop;
import io.streamgate.gateway.transport.EventLoopWriters;
import io.streamgate.gateway.transport.IdleConnections;
import io.streamgate.gateway.transport.TransportMetrics;
import io.streamgate.gateway.transport.WebSocketSession;

/**
 * How every SkySpy endpoint admits a connection: a refused credential (or none, where one is needed)
 * is closed with 4001, an admitted one becomes a session that is closed with 4001 when its token
 * expires and with 4000 when the client falls silent.
 */
@ApplicationScoped
public class SkySpySessions {

    private final Admission admission;
    private final EngineConfig engine;
    private final EngineLoop loop;
    private final TransportMetrics metrics;
    private final IdleConnections idle;
    private final SkySpyConfig config;
    private final EventLoopWriters writers;

    SkySpySessions(Admission admission, EngineConfig engine, EngineLoop loop, TransportMetrics metrics,
            IdleConnections idle, SkySpyConfig config, EventLoopWriters writers) {
        this.writers = writers;
        this.admission = admission;
        this.engine = engine;
        this.loop = loop;
        this.metrics = metrics;
        this.idle = idle;
        this.config = config;
    }

    /** @return the admitted session, or empty when the connection was closed with 4001 */
    Optional<WebSocketSession> open(WebSocketConnection connection) {
        return open(connection, true);
    }

    /** @param publicFeed false for endpoints that need a token even in hybrid mode */
    Optional<WebSocketSession> open(WebSocketConnection connection, boolean publicFeed) {
        Admission.Decision decision = admission.admit(connection.userData().get(HandshakeOutcome.KEY), publicFeed);
        if (decision instanceof Admission.Denied denied) {
            connection.close(new CloseReason(SkySpyCloseCodes.UNAUTHORIZED, denied.reason())).subscribe()
                    .with(closed -> {
                    }, failed -> {
                    });
            return Optional.empty();
        }
        Admission.Admitted admitted = (Admission.Admitted) decision;
        WebSocketSession session = new WebSocketSession(connection, admitted.identity(), engine.sessionBufferBytes(),
                metrics, writers);
        connection.userData().put(WebSocketSession.KEY, session);
        metrics.opened();
        idle.watch(session, config.heartbeatTimeout(), SkySpyCloseCodes.HEARTBEAT_TIMEOUT, "Heartbeat timeout");
        if (admitted.expiresAt() != null) {
            loop.schedule(Duration.between(Instant.now(), admitted.expiresAt()),
                    () -> session.close(SkySpyCloseCodes.UNAUTHORIZED, "Token expired"));
        }
        return Optional.of(session);
    }

    /** @return the connection's session, or empty when it was never admitted */
    Optional<WebSocketSession> close(WebSocketConnection connection) {
        WebSocketSession session = connection.userData().get(WebSocketSession.KEY);
        if (session != null) {
            idle.forget(session);
            metrics.closed();
        }
        return Optional.ofNullable(session);
    }

    /** Any frame or pong from the client proves it alive. */
    static void heard(WebSocketConnection connection) {
        WebSocketSession session = connection.userData().get(WebSocketSession.KEY);
        if (session != null) {
            session.heard();
        }
    }

    /** The tenant whose data a connection's requests are answered from. */
    static String tenantOf(WebSocketConnection connection) {
        WebSocketSession session = connection.userData().get(WebSocketSession.KEY);
        return session == null ? "default" : session.identity().tenant();
    }
}
