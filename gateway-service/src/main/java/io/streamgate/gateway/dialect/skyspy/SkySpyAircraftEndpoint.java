package io.streamgate.gateway.dialect.skyspy;

import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnPongMessage;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import io.streamgate.gateway.aircraft.AircraftFeed;
import io.vertx.core.buffer.Buffer;



/**
 * SkySpy's {@code /ws/aircraft/}: the aircraft snapshot on connect, then new and updated aircraft. The
 * feed is public in hybrid mode; a refused credential, or none in private mode, is closed with 4001,
 * as is a connection whose token expires.
 */
@WebSocket(path = "/ws/aircraft/")
public class SkySpyAircraftEndpoint {

    private final AircraftFeed feed;
    private final SkySpyAircraftCodecs codecs;
    private final SkySpySessions sessions;
    private final SkySpyAircraftRequests requests;

    SkySpyAircraftEndpoint(AircraftFeed feed, SkySpyAircraftCodecs codecs, SkySpySessions sessions,
            SkySpyAircraftRequests requests) {
        this.feed = feed;
        this.codecs = codecs;
        this.sessions = sessions;
        this.requests = requests;
    }

    @OnOpen
    void open(WebSocketConnection connection) {
        sessions.open(connection).ifPresent(session -> feed.subscribe(session, session.identity().tenant(),
                codecs.forQuery(connection.handshakeRequest().query())));
    }

    @OnTextMessage
    Uni<String> message(String frame, WebSocketConnection connection) {
        SkySpySessions.heard(connection);
        String tenant = SkySpySessions.tenantOf(connection);
        return SkySpyClientMessages.reply(frame, (type, requestId, params) ->
                requests.answer(tenant, type, requestId, params));
    }

    @OnPongMessage
    void pong(Buffer data, WebSocketConnection connection) {
        SkySpySessions.heard(connection);
    }

    @OnClose
    void close(WebSocketConnection connection) {
        sessions.close(connection).ifPresent(feed::unsubscribe);
    }
}
