package io.streamgate.gateway.dialect.skyspy;

import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.streamgate.gateway.aircraft.AircraftFeed;
import io.streamgate.gateway.engine.EngineConfig;
import io.streamgate.gateway.transport.TransportMetrics;
import io.streamgate.gateway.transport.WebSocketSession;
import io.streamgate.platform.identity.Identity;

/** SkySpy's {@code /ws/aircraft/}: the aircraft snapshot on connect, then new and updated aircraft. */
@WebSocket(path = "/ws/aircraft/")
public class SkySpyAircraftEndpoint {

    private final AircraftFeed feed;
    private final SkySpyAircraftCodec codec;
    private final EngineConfig engine;
    private final TransportMetrics metrics;

    SkySpyAircraftEndpoint(AircraftFeed feed, SkySpyAircraftCodec codec, EngineConfig engine,
            TransportMetrics metrics) {
        this.feed = feed;
        this.codec = codec;
        this.engine = engine;
        this.metrics = metrics;
    }

    @OnOpen
    void open(WebSocketConnection connection) {
        // Until authentication lands, every client is an anonymous reader of the default tenant
        // (SkySpy's "public" auth mode).
        WebSocketSession session = new WebSocketSession(connection, Identity.anonymous(Identity.DEFAULT_TENANT),
                engine.sessionBufferBytes(), metrics);
        connection.userData().put(WebSocketSession.KEY, session);
        metrics.opened();
        feed.subscribe(session, session.identity().tenant(), codec);
    }

    @OnTextMessage
    String message(String frame) {
        return SkySpyClientMessages.reply(frame);
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
