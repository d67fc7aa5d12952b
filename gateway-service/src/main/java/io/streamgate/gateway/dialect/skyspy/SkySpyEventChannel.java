package io.streamgate.gateway.dialect.skyspy;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import io.quarkus.websockets.next.WebSocketConnection;
import io.streamgate.gateway.engine.events.EventFeed;
import io.streamgate.gateway.engine.events.LiveEvent;
import io.streamgate.gateway.engine.events.StreamPosition;
import io.streamgate.gateway.transport.WebSocketSession;

/**
 * One SkySpy event topic over an event feed ({@code acars}, {@code notams}, …): resume from
 * {@code ?last_event_id=}, the gap notice, and the two wire variants (WebSocket, SSE).
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

    /** Subscribes a WebSocket session, resuming after the one of {@code lastEventIds} that is this feed's. */
    void subscribe(WebSocketSession session, List<String> lastEventIds) {
        String resumeFrom = lastEventIds.stream()
                .filter(id -> StreamPosition.decode(id, feed.topic().name()).isPresent()).findFirst().orElse(null);
        feed.subscribe(session, session.identity().tenant(), webSocketCodec, resumeFrom,
                () -> session.send(GAP_NOTICE));
    }

    /** Every {@code last_event_id} of the handshake: one per feed on a combined connection. */
    static List<String> lastEventIds(WebSocketConnection connection) {
        String query = connection.handshakeRequest().query();
        List<String> ids = new ArrayList<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && pair.substring(0, eq).equals("last_event_id")) {
                    ids.add(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return ids;
    }
}
