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

import org.jboss.logging.Logger;

import io.netty.channel.ChannelHandlerContext;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Uni;
import io.streamgate.gateway.auth.Admission;
import io.streamgate.gateway.auth.HandshakeAuthentication;
import io.streamgate.gateway.auth.HandshakeOutcome;
import io.streamgate.gateway.dialect.Conversation;
import io.streamgate.gateway.dialect.Dialect;
import io.streamgate.gateway.dialect.Endpoint;
import io.streamgate.gateway.dialect.Handshake;
import io.streamgate.gateway.dialect.InboundError;
import io.streamgate.gateway.engine.EngineConfig;
import io.streamgate.gateway.engine.EngineLoop;
import io.streamgate.gateway.engine.Refusal;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocketFrame;
import io.vertx.core.net.impl.ConnectionBase;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The WebSocket transport: upgrades the requests on every dialect's WebSocket endpoints, admits them
 * (credential, auth mode, the dialect's close code for a refusal), and runs each connection's life —
 * heartbeats, token expiry, message limits, one client message at a time — around the dialect's
 * {@link Conversation}. A request without {@code Upgrade: websocket} on an endpoint path is passed on
 * to the next route (the dashboard answers a plain {@code GET /}).
 */
@ApplicationScoped
public class WebSocketTransport {

    private static final Logger LOG = Logger.getLogger(WebSocketTransport.class);

    private final Instance<Dialect> dialects;
    private final HandshakeAuthentication authentication;
    private final Admission admission;
    private final EngineConfig engine;
    private final EngineLoop loop;
    private final WebSocketConfig config;
    private final TransportMetrics metrics;
    private final CloseDeadline closeDeadline;
    private final IdleConnections idle;
    private final EventLoopWriters writers;
    private final Set<WebSocketSession> open = ConcurrentHashMap.newKeySet();
    private final PendingAuthentications pending;
    private final TenantConnections tenants;
    private final TenantMessageRates rates;
    private final CredentialRechecks rechecks;
    private final Vertx vertx;
    /** Set at shutdown: the close handlers that follow must not reach beans being destroyed. */
    private volatile boolean stopping;

    WebSocketTransport(Instance<Dialect> dialects, HandshakeAuthentication authentication, Admission admission,
            EngineConfig engine, EngineLoop loop, WebSocketConfig config, TransportMetrics metrics,
            IdleConnections idle, EventLoopWriters writers, TenantConnections tenants, TenantMessageRates rates,
            CredentialRechecks rechecks, CloseDeadline closeDeadline, Vertx vertx) {
        this.vertx = vertx;
        this.closeDeadline = closeDeadline;
        this.tenants = tenants;
        this.rates = rates;
        this.rechecks = rechecks;
        this.pending = new PendingAuthentications(config.firstMessageAuth().maxPendingPerAddress());
        this.dialects = dialects;
        this.authentication = authentication;
        this.admission = admission;
        this.engine = engine;
        this.loop = loop;
        this.config = config;
        this.metrics = metrics;
        this.idle = idle;
        this.writers = writers;
    }

    void routes(@Observes Router router) {
        for (Dialect dialect : dialects) {
            for (Endpoint endpoint : dialect.endpoints()) {
                if (endpoint.transport() == Endpoint.Transport.WEBSOCKET) {
                    router.get(endpoint.path()).handler(context -> upgrade(context, dialect, endpoint));
                }
            }
        }
    }

    /**
     * Clients are told the server is going away (and reconnect elsewhere) instead of seeing a dropped socket. It runs
     * when Quarkus begins its shutdown ({@link ShutdownDelayInitiatedEvent}, before the HTTP server's graceful wait for
     * open requests), not at {@link ShutdownEvent}: by then the server has already dropped every socket with a plain
     * 1000 (GatewayDrainIT). The second observer covers a shutdown that skips the first phase.
     */
    void stopping(@Observes ShutdownDelayInitiatedEvent shutdown) {
        stop();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        stop();
    }

    private synchronized void stop() {
        if (stopping) {
            return;
        }
        stopping = true;
        open.forEach(session -> session.close(Refusal.GOING_AWAY, "Server shutting down"));
    }

    private void upgrade(RoutingContext context, Dialect dialect, Endpoint endpoint) {
        var request = context.request();
        if (!"websocket".equalsIgnoreCase(request.getHeader(HttpHeaders.UPGRADE))) {
            context.next();
            return;
        }
        if (!authentication.originAllowed(request)) {
            context.response().setStatusCode(403).end();
            return;
        }
        Handshake handshake = Handshake.of(request, context.pathParams());
        Optional<String> invalid = endpoint.channel().refusal(handshake);
        if (invalid.isPresent()) {
            HttpRefusals.badRequest(context.response(), invalid.get());
            return;
        }
        String address = request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
        switch (endpoint.credential()) {
        // A first-message endpoint ignores handshake credentials: its token is the first thing the client says.
        case FIRST_MESSAGE -> upgradeNow(context, null, null, handshake, dialect, endpoint, address);
        case HANDSHAKE -> upgradeNow(context, authentication.outcome(request), null, handshake, dialect, endpoint,
                address);
        case UPGRADE_REQUEST -> admitBeforeUpgrade(context, handshake, dialect, endpoint, address);
        }
    }

    /**
     * Verifies the credential while the upgrade request waits, so a refusal is an HTTP answer (401, 429)
     * that any client library reports, rather than a socket that opens and closes at once.
     */
    private void admitBeforeUpgrade(RoutingContext context, Handshake handshake, Dialect dialect, Endpoint endpoint,
            String address) {
        var request = context.request();
        request.pause();
        Context requestContext = Vertx.currentContext();
        authentication.outcome(request).subscribe().with(outcome -> requestContext.runOnContext(ignored -> {
            Admission.Decision decision = admission.admit(outcome, endpoint.publicFeed());
            if (decision instanceof Admission.Denied denied) {
                HttpRefusals.unauthenticated(context.response(), denied.reason());
                return;
            }
            TenantConnections.Slot slot = tenants.tryAcquire(dialect, ((Admission.Admitted) decision).identity().tenant());
            if (slot.refused()) {
                HttpRefusals.tooManyConnections(context.response(), slot.limit());
                return;
            }
            upgradeNow(context, Uni.createFrom().item(outcome), slot, handshake, dialect, endpoint, address);
        }), context::fail);
    }

    /** @param slot the tenant slot already taken before the upgrade, or null to take it on admission */
    private void upgradeNow(RoutingContext context, Uni<HandshakeOutcome> outcome, TenantConnections.Slot slot,
            Handshake handshake, Dialect dialect, Endpoint endpoint, String address) {
        // The connection's Netty context, where the session writes below Vert.x (WebSocketSession): the
        // router hands out a wrapper of the socket that does not reach it, the request's connection does.
        ChannelHandlerContext channel = ((ConnectionBase) context.request().connection()).channelHandlerContext();
        context.request().toWebSocket()
                .onSuccess(socket -> accepted(socket, channel, outcome, slot, handshake, dialect, endpoint, address))
                .onFailure(failure -> {
                    if (slot != null) {
                        slot.release();
                    }
                    LOG.debugf("WebSocket upgrade of %s failed: %s", endpoint.path(), failure);
                });
    }

    /** On the socket's event loop. The credential may still be in verification: nothing is read until it is done. */
    private void accepted(ServerWebSocket socket, ChannelHandlerContext channel, Uni<HandshakeOutcome> outcome, TenantConnections.Slot slot,
            Handshake handshake, Dialect dialect, Endpoint endpoint, String address) {
        Context context = Vertx.currentContext();
        EventLoopWriter writer = writers.ofCurrentConnection();
        Connection connection = new Connection(socket, channel, dialect, context, slot);
        socket.pause();
        socket.closeHandler(closed -> connection.closed());
        socket.exceptionHandler(failure -> LOG.debugf("WebSocket %s: %s", endpoint.path(), failure.toString()));
        if (outcome == null) {
            connection.awaitToken(address, handshake, endpoint, writer);
        } else {
            connection.verified(outcome, handshake, endpoint, writer);
        }
    }

    /** One connection's state, touched only on its event loop. */
    private final class Connection {

        private final ServerWebSocket socket;
        private final ChannelHandlerContext channel;
        private final Dialect dialect;
        private final Context context;
        private final InboundMessages inbound;
        private WebSocketSession session;
        private Conversation conversation;
        private String pendingAddress;
        private long authTimer = -1;
        private boolean closed;
        private TenantConnections.Slot slot;
        private CredentialRechecks.Watch recheck = CredentialRechecks.Watch.NONE;

        Connection(ServerWebSocket socket, ChannelHandlerContext channel, Dialect dialect, Context context,
                TenantConnections.Slot slot) {
            this.socket = socket;
            this.channel = channel;
            this.slot = slot;
            this.dialect = dialect;
            this.context = context;
            this.inbound = new InboundMessages(config.maxMessageBytes());
        }

        /** Admits once the handshake's credential is verified; nothing is read until then. */
        void verified(Uni<HandshakeOutcome> outcome, Handshake handshake, Endpoint endpoint, EventLoopWriter writer) {
            outcome.subscribe().with(
                    result -> context.runOnContext(ignored -> admit(result, handshake, endpoint, writer)),
                    failure -> context.runOnContext(ignored -> socket.close((short) 1011, "Internal error")));
        }

        /**
         * First-message auth: reads one message, the raw token, within the timeout; the client gets
         * nothing before it is verified, and no more than the limit may wait per client address.
         */
        void awaitToken(String address, Handshake handshake, Endpoint endpoint, EventLoopWriter writer) {
            if (!pending.tryAdd(address)) {
                socket.close((short) dialect.closeCodes().codeFor(Refusal.TOO_MANY_PENDING),
                        "Too many pending connections");
                return;
            }
            pendingAddress = address;
            authTimer = vertx.setTimer(config.firstMessageAuth().timeout().toMillis(), timer -> {
                authTimer = -1;
                if (session == null && !closed) {
                    stopWaiting();
                    socket.close((short) dialect.closeCodes().codeFor(Refusal.AUTH_TIMEOUT), "Authentication timeout");
                }
            });
            socket.frameHandler(frame -> {
                InboundMessages.Outcome outcome = inbound.accept(frame);
                if (outcome instanceof InboundMessages.Partial) {
                    return;
                }
                socket.pause();
                stopWaiting();
                if (outcome instanceof InboundMessages.Text token && !token.message().isBlank()) {
                    verified(authentication.verify(token.message().strip()), handshake, endpoint, writer);
                } else {
                    socket.close((short) dialect.closeCodes().unauthorized(), "Authentication required");
                }
            });
            socket.resume();
        }

        private void stopWaiting() {
            if (authTimer >= 0) {
                vertx.cancelTimer(authTimer);
                authTimer = -1;
            }
            if (pendingAddress != null) {
                pending.remove(pendingAddress);
                pendingAddress = null;
            }
        }

        void admit(HandshakeOutcome outcome, Handshake handshake, Endpoint endpoint, EventLoopWriter writer) {
            if (closed) {
                return;
            }
            socket.frameHandler(null);
            Admission.Decision decision = admission.admit(outcome, endpoint.publicFeed());
            if (decision instanceof Admission.Denied denied) {
                socket.close((short) dialect.closeCodes().unauthorized(), denied.reason());
                return;
            }
            Admission.Admitted admitted = (Admission.Admitted) decision;
            if (slot == null) {
                slot = tenants.tryAcquire(dialect, admitted.identity().tenant());
                if (slot.refused()) {
                    slot = null;
                    // Admitted after the upgrade, so too late for 429: 1013 is "try again later".
                    socket.close((short) 1013, "Too many connections for this tenant");
                    return;
                }
            }
            session = new WebSocketSession(UUID.randomUUID().toString(), socket, channel, writer, admitted.identity(),
                    dialect.closeCodes(), engine.sessionBufferBytes(), metrics, closeDeadline);
            open.add(session);
            metrics.opened();
            conversation = endpoint.channel().open(session, handshake);
            if (socket.isClosed()) {
                // The channel refused the connection, for a reason only it can judge (GeonicDB: the tenant
                // asked for). Reading resumes, without a frame handler, so the close handshake completes and
                // the close handler ends the session.
                socket.resume();
                return;
            }
            idle.watch(session, dialect.heartbeatTimeout(), dialect.heartbeat().orElse(null));
            if (admitted.expiresAt() != null) {
                WebSocketSession expiring = session;
                loop.schedule(Duration.between(Instant.now(), admitted.expiresAt()),
                        () -> expiring.close(Refusal.TOKEN_EXPIRED, "Token expired"));
            }
            recheck = rechecks.watch(session, admitted.recheck());
            socket.pongHandler(pong -> session.heard());
            socket.frameHandler(this::frame);
            socket.resume();
        }

        private void frame(WebSocketFrame frame) {
            session.heard();
            InboundMessages.Outcome outcome = inbound.accept(frame);
            if (outcome instanceof InboundMessages.Text text) {
                if (rates.admit(dialect, session.identity().tenant())) {
                    text(text.message());
                } else {
                    // Dropped unread, the connection kept: the client is throttled, as SkySpy documents.
                    refuse(InboundError.RATE_LIMITED);
                }
            } else if (outcome instanceof InboundMessages.TooBig) {
                refuse(InboundError.MESSAGE_TOO_BIG);
                session.closeAfterQueued(Refusal.MESSAGE_TOO_BIG, "Message too large");
                socket.pause();
            } else if (outcome instanceof InboundMessages.Binary) {
                refuse(InboundError.BINARY_NOT_SUPPORTED);
            } else if (outcome instanceof InboundMessages.NotUtf8) {
                // A protocol error, not a dialect's refusal: every client library knows 1007.
                socket.pause();
                socket.close((short) 1007, "Invalid UTF-8 in a text message");
            }
        }

        private void refuse(InboundError error) {
            String message = dialect.inboundError(error);
            if (message != null) {
                session.send(message);
            }
        }

        /** One message at a time: the socket reads the next only once this one's reply is queued. */
        private void text(String message) {
            socket.pause();
            Uni<String> reply;
            try {
                reply = conversation.text(message);
            } catch (RuntimeException e) {
                LOG.errorf(e, "%s could not answer a client message", dialect.name());
                reply = Conversation.NO_REPLY;
            }
            reply.subscribe().with(text -> {
                if (text != null) {
                    session.send(text);
                }
                socket.resume();
            }, failure -> {
                LOG.errorf(failure, "%s could not answer a client message", dialect.name());
                socket.resume();
            });
        }

        void closed() {
            if (closed || stopping) {
                return;
            }
            closed = true;
            stopWaiting();
            recheck.cancel();
            if (slot != null) {
                slot.release();
            }
            if (session != null) {
                open.remove(session);
                idle.forget(session);
                metrics.closed();
                conversation.closed();
            }
        }
    }
}
