package io.streamgate.gateway.dialect.skyspy;

import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnPongMessage;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;

/** SkySpy's {@code /ws/acars/}: live events, resumable with {@code ?last_event_id=}. */
@WebSocket(path = "/ws/acars/")
public class SkySpyAcarsEndpoint {

    private final SkySpyEventChannel channel;
    private final SkySpySessions sessions;
    private final SkySpyAcarsRequests requests;

    SkySpyAcarsEndpoint(SkySpyEventChannels channels, SkySpySessions sessions, SkySpyAcarsRequests requests) {
        this.requests = requests;
        this.channel = channels.acars();
        this.sessions = sessions;
    }

    @OnOpen
    void open(WebSocketConnection connection) {
        sessions.open(connection).ifPresent(session ->
                channel.subscribe(session, SkySpyEventChannel.lastEventIds(connection)));
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
        sessions.close(connection).ifPresent(session -> channel.feed().unsubscribe(session));
    }
}
