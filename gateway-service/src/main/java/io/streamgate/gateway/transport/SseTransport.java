package io.streamgate.gateway.transport;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.ShutdownEvent;
import io.streamgate.gateway.auth.Admission;
import io.streamgate.gateway.auth.HandshakeAuthentication;
import io.streamgate.gateway.dialect.Conversation;
import io.streamgate.gateway.dialect.Dialect;
import io.streamgate.gateway.dialect.Endpoint;
import io.streamgate.gateway.dialect.Handshake;
import io.streamgate.gateway.engine.EngineConfig;
import io.streamgate.gateway.engine.EngineLoop;
import io.streamgate.gateway.engine.Refusal;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.net.impl.ConnectionBase;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The Server-Sent Events transport: serves every dialect's SSE endpoints. A request is admitted like a
 * WebSocket handshake ({@code Authorization: Bearer} or {@code ?token=}); a refusal is a 401 problem
 * document, as SSE has no close codes. An admitted stream gets {@code retry:}, keep-alive comments and
 * a final {@code close} event when the server ends it (its dialect's code and reason); the dialect's
 * channel reads the resume point from {@link Handshake#lastEventId()}.
 */
@ApplicationScoped
public class SseTransport {

    private final Instance<Dialect> dialects;
    private final HandshakeAuthentication authentication;
    private final Admission admission;
    private final EngineConfig engine;
    private final EngineLoop loop;
    private final SseConfig sse;
    private final TransportMetrics metrics;
    private final CloseDeadline closeDeadline;
    private final TenantConnections tenants;
    private final CredentialRechecks rechecks;
    private final Vertx vertx;
    private final Set<SseSession> open = ConcurrentHashMap.newKeySet();

    SseTransport(Instance<Dialect> dialects, HandshakeAuthentication authentication, Admission admission,
            EngineConfig engine, EngineLoop loop, SseConfig sse, TransportMetrics metrics, TenantConnections tenants,
            CredentialRechecks rechecks, CloseDeadline closeDeadline, Vertx vertx) {
        this.closeDeadline = closeDeadline;
        this.tenants = tenants;
        this.rechecks = rechecks;
        this.dialects = dialects;
        this.authentication = authentication;
        this.admission = admission;
        this.engine = engine;
        this.loop = loop;
        this.sse = sse;
        this.metrics = metrics;
        this.vertx = vertx;
    }

    void routes(@Observes Router router) {
        for (Dialect dialect : dialects) {
            for (Endpoint endpoint : dialect.endpoints()) {
                if (endpoint.transport() == Endpoint.Transport.SSE) {
                    router.get(endpoint.path()).handler(context -> open(context, dialect, endpoint));
                    // Without it another method on a stream's path falls through to the REST layer's 404.
                    router.route(endpoint.path()).handler(context -> HttpRefusals.methodNotAllowed(context.response(),
                            context.request().method().name(), context.request().path(), "GET"));
                }
            }
        }
    }

    /**
     * Every open stream ends with a last {@code retry:} so its client reconnects at once to another replica and
     * resumes from its last event id, instead of waiting for a dropped connection to time out. Ended streams also
     * let Quarkus' graceful shutdown, which waits for open requests, finish at once.
     */
    void stopping(@Observes ShutdownDelayInitiatedEvent shutdown) {
        stop();
    }

    /** In case a shutdown skips the first phase (see WebSocketTransport). */
    void stop(@Observes ShutdownEvent shutdown) {
        stop();
    }

    private void stop() {
        long retryMillis = sse.drainRetry().toMillis();
        open.forEach(session -> session.drain(retryMillis));
    }

    private void open(RoutingContext context, Dialect dialect, Endpoint endpoint) {
        Handshake handshake = Handshake.of(context.request(), context.pathParams());
        Optional<String> invalid = endpoint.channel().refusal(handshake);
        if (invalid.isPresent()) {
            HttpRefusals.badRequest(context.response(), invalid.get());
            return;
        }
        // Admitted on the request's event loop, so the stream cannot end between its start and its subscription.
        Context requestContext = Vertx.currentContext();
        authentication.outcome(context.request()).subscribe().with(outcome -> requestContext.runOnContext(ignored -> {
            Admission.Decision decision = admission.admit(outcome, endpoint.publicFeed());
            if (decision instanceof Admission.Denied denied) {
                HttpRefusals.unauthenticated(context.response(), denied.reason());
                return;
            }
            Admission.Admitted admitted = (Admission.Admitted) decision;
            TenantConnections.Slot slot = tenants.tryAcquire(dialect, admitted.identity().tenant());
            if (slot.refused()) {
                HttpRefusals.tooManyConnections(context.response(), slot.limit());
                return;
            }
            SseSession session = new SseSession(UUID.randomUUID().toString(), context.response(),
                    admitted.identity(), dialect.closeCodes(), engine.sessionBufferBytes(), metrics, closeDeadline,
                    aborting(context), vertx);
            metrics.opened();
            Conversation[] conversation = new Conversation[1];
            CredentialRechecks.Watch[] recheck = { CredentialRechecks.Watch.NONE };
            open.add(session);
            session.start(sse.keepAlive().toMillis(), () -> {
                open.remove(session);
                metrics.closed();
                slot.release();
                recheck[0].cancel();
                if (conversation[0] != null) {
                    conversation[0].closed();
                }
            });
            conversation[0] = endpoint.channel().open(session, handshake);
            dialect.heartbeat().ifPresent(session::beat);
            if (admitted.expiresAt() != null) {
                loop.schedule(Duration.between(Instant.now(), admitted.expiresAt()),
                        () -> session.close(Refusal.TOKEN_EXPIRED, "Token expired"));
            }
            recheck[0] = rechecks.watch(session, admitted.recheck());
        }), context::fail);
    }

    /**
     * How a stream frozen past the close deadline ends: on HTTP/1.1 its TCP connection is aborted (it carries
     * nothing else); on HTTP/2 only its stream is reset, the connection's other streams untouched.
     */
    private static Runnable aborting(RoutingContext context) {
        if (context.request().version() == HttpVersion.HTTP_2) {
            return () -> context.response().reset();
        }
        return CloseDeadline.aborting(((ConnectionBase) context.request().connection()).channelHandlerContext());
    }
}
