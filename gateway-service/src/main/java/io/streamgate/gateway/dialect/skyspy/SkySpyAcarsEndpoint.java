package io.streamgate.gateway.dialect.skyspy;

import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.streamgate.gateway.auth.Admission;
import io.streamgate.gateway.engine.EngineConfig;
import io.streamgate.gateway.transport.TransportMetrics;

/** SkySpy's {@code /ws/acars/}: live events, resumable with {@code ?last_event_id=}. */
@WebSocket(path = "/ws/acars/")
public class SkySpyAcarsEndpoint {

    private final SkySpyEventChannel channel;
    private final Admission admission;
    private final EngineConfig engine;
    private final TransportMetrics metrics;

    SkySpyAcarsEndpoint(SkySpyEventChannels channels, Admission admission, EngineConfig engine,
            TransportMetrics metrics) {
        this.channel = channels.acars();
        this.admission = admission;
        this.engine = engine;
        this.metrics = metrics;
    }

    @OnOpen
    void open(WebSocketConnection connection) {
        channel.open(connection, admission, engine, metrics);
    }

    @OnTextMessage
    String message(String frame) {
        return SkySpyClientMessages.reply(frame);
    }

    @OnClose
    void close(WebSocketConnection connection) {
        channel.close(connection, metrics);
    }
}
