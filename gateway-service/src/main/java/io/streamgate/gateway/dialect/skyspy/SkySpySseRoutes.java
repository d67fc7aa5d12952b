package io.streamgate.gateway.dialect.skyspy;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.streamgate.gateway.auth.Admission;
import io.streamgate.gateway.auth.HandshakeAuthentication;
import io.streamgate.gateway.engine.EngineConfig;
import io.streamgate.gateway.transport.SseConfig;
import io.streamgate.gateway.transport.SseSession;
import io.streamgate.gateway.transport.TransportMetrics;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The SSE fallback of SkySpy's event endpoints: {@code GET /sse/acars/} (and notams, audio, airspace)
 * streams the same events as the WebSocket, with {@code event:} = the message type, {@code id:} = the
 * resumable id, {@code Last-Event-ID} (or {@code ?last_event_id=}) honoured on reconnect, and
 * keep-alive comments. Credentials as for WebSockets: {@code Authorization: Bearer} or {@code ?token=}.
 */
@ApplicationScoped
public class SkySpySseRoutes {

    private final SkySpyEventChannels channels;
    private final HandshakeAuthentication authentication;
    private final Admission admission;
    private final EngineConfig engine;
    private final SseConfig sse;
    private final TransportMetrics metrics;
    private final Vertx vertx;

    SkySpySseRoutes(SkySpyEventChannels channels, HandshakeAuthentication authentication, Admission admission,
            EngineConfig engine, SseConfig sse, TransportMetrics metrics, Vertx vertx) {
        this.channels = channels;
        this.authentication = authentication;
        this.admission = admission;
        this.engine = engine;
        this.sse = sse;
        this.metrics = metrics;
        this.vertx = vertx;
    }

    void routes(@Observes Router router) {
        channels.bySsePath().forEach((path, channel) -> router.get(path).handler(context -> stream(context, channel)));
    }

    private void stream(RoutingContext context, SkySpyEventChannel channel) {
        authentication.outcome(context.request()).subscribe().with(outcome -> {
            Admission.Decision decision = admission.admit(outcome, true);
            if (decision instanceof Admission.Denied denied) {
                context.response().setStatusCode(401).putHeader("Content-Type", "application/problem+json")
                        .putHeader("WWW-Authenticate", "Bearer")
                        .end("{\"type\":\"https://streamgate.io/problems/unauthenticated\",\"title\":"
                                + "\"Authentication required\",\"status\":401,\"detail\":\"" + denied.reason() + "\"}");
                return;
            }
            Admission.Admitted admitted = (Admission.Admitted) decision;
            SseSession session = new SseSession(UUID.randomUUID().toString(), context.response(),
                    admitted.identity(), engine.sessionBufferBytes(), metrics, vertx);
            String lastEventId = context.request().getHeader("Last-Event-ID");
            if (lastEventId == null) {
                List<String> param = context.queryParam("last_event_id");
                lastEventId = param.isEmpty() ? null : param.get(0);
            }
            metrics.opened();
            session.start(sse.keepAlive().toMillis(), () -> {
                channel.feed().unsubscribe(session);
                metrics.closed();
            });
            channel.subscribeSse(session, lastEventId);
        }, failure -> context.fail(failure));
    }
}
