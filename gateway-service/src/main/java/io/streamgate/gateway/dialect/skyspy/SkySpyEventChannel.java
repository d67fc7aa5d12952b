package io.streamgate.gateway.dialect.skyspy;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import io.streamgate.gateway.auth.Admission;
import io.streamgate.gateway.auth.HandshakeOutcome;
import io.streamgate.gateway.engine.EngineConfig;
import io.streamgate.gateway.engine.events.EventFeed;
import io.streamgate.gateway.engine.events.LiveEvent;
import io.streamgate.gateway.transport.TransportMetrics;
import io.streamgate.gateway.transport.WebSocketSession;

/**
 * One SkySpy endpoint over an event feed ({@code /ws/acars/}, {@code /ws/notams/}, …): admission,
 * resume from {@code ?last_event_id=}, the gap notice, and the two wire variants (WebSocket, SSE).
 */
final class SkySpyEventChannel {

    /** StreamGate's addition to SkySpy: sent before replayed events when part of the gap is lost. */
    static final String GAP_NOTICE = "{\"type\":\"stream:gap\",\"data\":{\"message\":"
            + "\"Some events since your last_event_id are no longer available; reload your state\"}}";

    private final EventFeed feed;
    private final SkySpyEventCodec webSocketCodec;
    private final SkySpyEventCodec sseCodec;

    SkySpyEventChannel(EventFeed feed, Function<LiveEvent, String> type) {
        this.feed = feed;
        this.webSocketCodec = new SkySpyEventCodec(type, false);
        this.sseCodec = new SkySpyEventCodec(type, true);
    }

    EventFeed feed() {
        return feed;
    }

    SkySpyEventCodec sseCodec() {
        return sseCodec;
    }

    void open(WebSocketConnection connection, Admission admission, EngineConfig engine, TransportMetrics metrics) {
        Admission.Decision decision = admission.admit(connection.userData().get(HandshakeOutcome.KEY), true);
        if (decision instanceof Admission.Denied denied) {
            connection.close(new CloseReason(SkySpyCloseCodes.UNAUTHORIZED, denied.reason())).subscribe()
                    .with(closed -> {
                    }, failed -> {
                    });
            return;
        }
        Admission.Admitted admitted = (Admission.Admitted) decision;
        WebSocketSession session = new WebSocketSession(connection, admitted.identity(), engine.sessionBufferBytes(),
                metrics);
        connection.userData().put(WebSocketSession.KEY, session);
        metrics.opened();
        String lastEventId = connection.handshakeRequest().query() == null ? null
                : queryParam(connection.handshakeRequest().query(), "last_event_id");
        feed.subscribe(session, admitted.identity().tenant(), webSocketCodec, lastEventId,
                () -> session.send(GAP_NOTICE));
    }

    void close(WebSocketConnection connection, TransportMetrics metrics) {
        WebSocketSession session = connection.userData().get(WebSocketSession.KEY);
        if (session != null) {
            feed.unsubscribe(session);
            metrics.closed();
        }
    }

    static String queryParam(String query, String name) {
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
