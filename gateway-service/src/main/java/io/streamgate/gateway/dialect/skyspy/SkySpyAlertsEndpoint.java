package io.streamgate.gateway.dialect.skyspy;

import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnPongMessage;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.buffer.Buffer;

/**
 * SkySpy's {@code /ws/alerts/}: every {@code alert:triggered} of the caller's tenant as it happens
 * (never batched, never dropped, resumable with {@code ?last_event_id=}), and
 * {@code alert:acknowledged} when someone acknowledges. Alert rules belong to users, so this endpoint
 * needs a token in hybrid mode as well as in private mode.
 */
@WebSocket(path = "/ws/alerts/")
public class SkySpyAlertsEndpoint {

    private final SkySpyEventChannel channel;
    private final SkySpySessions sessions;

    SkySpyAlertsEndpoint(SkySpyEventChannels channels, SkySpySessions sessions) {
        this.channel = channels.alerts();
        this.sessions = sessions;
    }

    @OnOpen
    void open(WebSocketConnection connection) {
        sessions.open(connection, channel.isPublic()).ifPresent(session ->
                channel.subscribe(session, SkySpyEventChannel.lastEventIds(connection)));
    }

    @OnTextMessage
    String message(String frame, WebSocketConnection connection) {
        SkySpySessions.heard(connection);
        return SkySpyClientMessages.reply(frame);
    }

    @OnPongMessage
    void pong(Buffer data, WebSocketConnection connection) {
        SkySpySessions.heard(connection);
    }

    @OnClose
    void close(WebSocketConnection connection) {
        sessions.close(connection).ifPresent(session -> channel.feed().unsubscribe(session));
    }
}
