package io.streamgate.gateway.dialect.skyspy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.streamgate.gateway.aircraft.AircraftFeed;
import io.streamgate.gateway.auth.Admission;
import io.streamgate.gateway.auth.HandshakeAuthentication;
import io.streamgate.gateway.engine.EngineConfig;
import io.streamgate.gateway.stats.StatsEncoder;
import io.streamgate.gateway.stats.StatsView;
import io.streamgate.gateway.transport.SseConfig;
import io.streamgate.gateway.transport.SseSession;
import io.streamgate.gateway.transport.TransportMetrics;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The SSE fallback of SkySpy's endpoints: {@code GET /sse/acars/} (and notams, audio, airspace,
 * safety, alerts) streams the same events as the WebSocket, with {@code event:} = the message type,
 * {@code id:} = the resumable id, {@code Last-Event-ID} (or {@code ?last_event_id=}) honoured on
 * reconnect, and keep-alive comments. {@code GET /sse/aircraft/} (and {@code ?mode=delta}) streams the
 * aircraft picture: a snapshot, then the conflated updates and heartbeats; {@code GET
 * /sse/stats/?stat_types=a,b} the chosen statistics. Neither has ids: they are state, and a
 * reconnecting client gets the current picture. Credentials as for WebSockets: {@code Authorization: Bearer} or {@code ?token=}.
 */
@ApplicationScoped
public class SkySpySseRoutes {

    private static final StatsEncoder SSE_STATS = figures -> SkySpySse.frame(SkySpyStatsEndpoint.UPDATE.update(figures));

    private final SkySpyEventChannels channels;
    private final HandshakeAuthentication authentication;
    private final Admission admission;
    private final EngineConfig engine;
    private final SseConfig sse;
    private final TransportMetrics metrics;
    private final Vertx vertx;
    private final AircraftFeed aircraft;
    private final SkySpyAircraftCodecs codecs;
    private final StatsView stats;

    SkySpySseRoutes(SkySpyEventChannels channels, HandshakeAuthentication authentication, Admission admission,
            EngineConfig engine, SseConfig sse, TransportMetrics metrics, Vertx vertx, AircraftFeed aircraft,
            SkySpyAircraftCodecs codecs, StatsView stats) {
        this.aircraft = aircraft;
        this.codecs = codecs;
        this.stats = stats;
        this.channels = channels;
        this.authentication = authentication;
        this.admission = admission;
        this.engine = engine;
        this.sse = sse;
        this.metrics = metrics;
        this.vertx = vertx;
    }

    void routes(@Observes Router router) {
        channels.bySsePath().forEach((path, channel) -> router.get(path).handler(context ->
                open(context, channel.isPublic(), session -> {
                    String lastEventId = context.request().getHeader("Last-Event-ID");
                    if (lastEventId == null) {
                        List<String> param = context.queryParam("last_event_id");
                        lastEventId = param.isEmpty() ? null : param.get(0);
                    }
                    channel.subscribeSse(session, lastEventId);
                }, session -> channel.feed().unsubscribe(session))));
        router.get("/sse/aircraft/").handler(context -> open(context, true,
                session -> aircraft.subscribe(session, session.identity().tenant(),
                        codecs.forSseQuery(context.request().query())),
                aircraft::unsubscribe));
        router.get("/sse/stats/").handler(context -> open(context, true, session -> {
            List<String> types = new ArrayList<>();
            context.queryParam("stat_types").forEach(value -> types.addAll(Arrays.asList(value.split(","))));
            stats.open(session, session.identity().tenant(), SSE_STATS);
            stats.watch(session, types, SkySpySse.frame(SkySpyJson.write(json -> {
                json.writeStartObject();
                json.writeStringField("type", "stats.subscribed");
                json.writeArrayFieldStart("stat_types");
                for (String type : types) {
                    json.writeString(type);
                }
                json.writeEndArray();
                json.writeEndObject();
            })));
        }, stats::close));
    }

    private void open(RoutingContext context, boolean publicFeed, Consumer<SseSession> subscribe,
            Consumer<SseSession> unsubscribe) {
        authentication.outcome(context.request()).subscribe().with(outcome -> {
            Admission.Decision decision = admission.admit(outcome, publicFeed);
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
            metrics.opened();
            session.start(sse.keepAlive().toMillis(), () -> {
                unsubscribe.accept(session);
                metrics.closed();
            });
            subscribe.accept(session);
        }, failure -> context.fail(failure));
    }
}
