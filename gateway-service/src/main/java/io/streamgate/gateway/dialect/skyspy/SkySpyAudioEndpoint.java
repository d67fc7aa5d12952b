package io.streamgate.gateway.dialect.skyspy;

import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnPongMessage;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.buffer.Buffer;

/** SkySpy's {@code /ws/audio/}: live events, resumable with {@code ?last_event_id=}. */
@WebSocket(path = "/ws/audio/")
public class SkySpyAudioEndpoint {

    private final SkySpyEventChannel channel;
    private final SkySpySessions sessions;

    SkySpyAudioEndpoint(SkySpyEventChannels channels, SkySpySessions sessions) {
        this.channel = channels.audio();
        this.sessions = sessions;
    }

    @OnOpen
    void open(WebSocketConnection connection) {
        sessions.open(connection).ifPresent(session ->
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
