package io.streamgate.gateway.dialect.skyspy;

import java.time.Duration;
import java.time.Instant;

import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.streamgate.gateway.aircraft.AircraftFeed;
import io.streamgate.gateway.auth.Admission;
import io.streamgate.gateway.auth.HandshakeOutcome;
import io.streamgate.gateway.engine.EngineConfig;
import io.streamgate.gateway.engine.EngineLoop;
import io.streamgate.gateway.transport.TransportMetrics;
import io.streamgate.gateway.transport.WebSocketSession;
import io.streamgate.platform.identity.Identity;
import io.smallrye.mutiny.Uni;

/**
 * SkySpy's {@code /ws/aircraft/}: the aircraft snapshot on connect, then new and updated aircraft. The
 * feed is public in hybrid mode; a refused credential, or none in private mode, is closed with 4001,
 * as is a connection whose token expires.
 */
@WebSocket(path = "/ws/aircraft/")
public class SkySpyAircraftEndpoint {

    private final AircraftFeed feed;
    private final SkySpyAircraftCodec codec;
    private final EngineConfig engine;
    private final EngineLoop loop;
    private final Admission admission;
    private final SkySpyAircraftRequests requests;
    private final TransportMetrics metrics;

    SkySpyAircraftEndpoint(AircraftFeed feed, SkySpyAircraftCodec codec, EngineConfig engine, EngineLoop loop,
            Admission admission, SkySpyAircraftRequests requests, TransportMetrics metrics) {
        this.feed = feed;
        this.codec = codec;
        this.engine = engine;
        this.loop = loop;
        this.admission = admission;
        this.requests = requests;
        this.metrics = metrics;
    }

    @OnOpen
    void open(WebSocketConnection connection) {
        Admission.Decision decision = admission.admit(connection.userData().get(HandshakeOutcome.KEY), true);
        if (decision instanceof Admission.Denied denied) {
            connection.close(new CloseReason(SkySpyCloseCodes.UNAUTHORIZED, denied.reason())).subscribe().with(
                    closed -> {
                    }, failed -> {
                    });
            return;
        }
        Admission.Admitted admitted = (Admission.Admitted) decision;
        WebSocketSession session = new WebSocketSession(connection, admitted.identity(), engine.sessionBufferBytes(),
                metrics);
        connection.userData().put(WebSocketSession.KEY, session);
        metrics.opened();
        feed.subscribe(session, session.identity().tenant(), codec);
        if (admitted.expiresAt() != null) {
            loop.schedule(Duration.between(Instant.now(), admitted.expiresAt()),
                    () -> session.close(SkySpyCloseCodes.UNAUTHORIZED, "Token expired"));
        }
    }

    @OnTextMessage
    Uni<String> message(String frame, WebSocketConnection connection) {
        WebSocketSession session = connection.userData().get(WebSocketSession.KEY);
        String tenant = session == null ? Identity.DEFAULT_TENANT : session.identity().tenant();
        return SkySpyClientMessages.reply(frame, (type, requestId, params) ->
                requests.answer(tenant, type, requestId, params));
    }

    @OnClose
    void close(WebSocketConnection connection) {
        WebSocketSession session = connection.userData().get(WebSocketSession.KEY);
        if (session != null) {
            feed.unsubscribe(session);
            metrics.closed();
        }
    }
}
