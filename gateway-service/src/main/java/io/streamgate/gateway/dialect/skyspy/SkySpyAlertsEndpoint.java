package io.streamgate.gateway.dialect.skyspy;

import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnPongMessage;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import io.streamgate.gateway.transport.WebSocketSession;
import io.vertx.core.buffer.Buffer;

/**
 * SkySpy's {@code /ws/alerts/}: every {@code alert:triggered} of the caller's tenant as it happens
 * (never batched, never dropped, resumable with {@code ?last_event_id=}), and
 * {@code alert:acknowledged} when someone acknowledges; requests as {@link SkySpyAlertRequests} answers them. Alert rules belong to users, so this endpoint
 * needs a token in hybrid mode as well as in private mode.
 */
@WebSocket(path = "/ws/alerts/")
public class SkySpyAlertsEndpoint {

    private final SkySpyEventChannel channel;
    private final SkySpySessions sessions;
    private final SkySpyAlertRequests requests;

    SkySpyAlertsEndpoint(SkySpyEventChannels channels, SkySpySessions sessions, SkySpyAlertRequests requests) {
        this.channel = channels.alerts();
        this.sessions = sessions;
        this.requests = requests;
    }

    @OnOpen
    void open(WebSocketConnection connection) {
        sessions.open(connection, channel.isPublic()).ifPresent(session ->
                channel.subscribe(session, SkySpyEventChannel.lastEventIds(connection)));
    }

    @OnTextMessage
    Uni<String> message(String frame, WebSocketConnection connection) {
        SkySpySessions.heard(connection);
        WebSocketSession session = connection.userData().get(WebSocketSession.KEY);
        if (session == null) {
            return Uni.createFrom().nullItem();
        }
        return SkySpyClientMessages.reply(frame, (type, requestId, params) ->
                requests.answer(session.identity(), type, requestId, params));
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
