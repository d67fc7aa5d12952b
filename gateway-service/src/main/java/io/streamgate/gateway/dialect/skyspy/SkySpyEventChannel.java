package io.streamgate.gateway.dialect.skyspy;

import java.util.List;
import java.util.function.Function;

import io.streamgate.gateway.dialect.Conversation;
import io.streamgate.gateway.dialect.Endpoint;
import io.streamgate.gateway.engine.Session;
import io.streamgate.gateway.engine.events.EventFeed;
import io.streamgate.gateway.engine.events.LiveEvent;
import io.streamgate.gateway.engine.events.StreamPosition;

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

    private final Function<String, String> snapshot;
    private final boolean publicFeed;

    /**
     * @param numberEvents add SkySpy's numeric {@code data.id} (when the payload has none of its own)
     * @param snapshot     renders the tenant's snapshot sent before any event (engine thread), or null
     */
    SkySpyEventChannel(EventFeed feed, Function<LiveEvent, String> type, boolean numberEvents,
            Function<String, String> snapshot) {
        this(feed, type, numberEvents, snapshot, true);
    }

    /** @param publicFeed false for feeds that need a token even in hybrid mode (a user's alerts) */
    SkySpyEventChannel(EventFeed feed, Function<LiveEvent, String> type, boolean numberEvents,
            Function<String, String> snapshot, boolean publicFeed) {
        this.publicFeed = publicFeed;
        this.feed = feed;
        this.webSocketCodec = new SkySpyEventCodec(type, false, numberEvents);
        this.sseCodec = new SkySpyEventCodec(type, true, numberEvents);
        this.snapshot = snapshot;
    }

    boolean isPublic() {
        return publicFeed;
    }

    EventFeed feed() {
        return feed;
    }

    /**
     * The topic's own WebSocket endpoint: resumed from {@code ?last_event_id=}, client actions answered
     * as everywhere, {@code request}s by {@code requests}.
     */
    Endpoint webSocket(String path, SkySpyRequests requests) {
        return Endpoint.webSocket(path, publicFeed, (session, handshake) -> {
            subscribe(session, handshake.queryAll("last_event_id"), true);
            return new Conversation() {
                @Override
                public io.smallrye.mutiny.Uni<String> text(String message) {
                    return SkySpyClientMessages.reply(message, requests.bound(session));
                }

                @Override
                public void closed() {
                    feed.unsubscribe(session);
                }
            };
        });
    }

    /** The topic's SSE endpoint, resumed from {@code Last-Event-ID} (or {@code ?last_event_id=}). */
    Endpoint sse(String path) {
        return Endpoint.sse(path, publicFeed, (session, handshake) -> {
            subscribeSse(session, handshake.lastEventId());
            return Conversation.closing(() -> feed.unsubscribe(session));
        });
    }

    /**
     * Subscribes a WebSocket session, resuming after the one of {@code lastEventIds} that is this feed's.
     * On the topic's own endpoint an id that is not this feed's is announced as a gap (the client thought
     * it was resuming); on the combined feed the ids of the other topics are expected and ignored here.
     */
    void subscribe(Session session, List<String> lastEventIds, boolean ownEndpoint) {
        String resumeFrom = lastEventIds.stream()
                .filter(id -> StreamPosition.decode(id, feed.topic().name()).isPresent()).findFirst()
                .orElse(ownEndpoint && !lastEventIds.isEmpty() ? lastEventIds.get(0) : null);
        String tenant = session.identity().tenant();
        feed.subscribe(session, tenant, webSocketCodec, resumeFrom, () -> session.send(GAP_NOTICE),
                snapshot == null ? null : () -> List.of(snapshot.apply(tenant)));
    }

    /** Subscribes an SSE stream: the same events as SSE frames, its snapshot as a first event without id. */
    void subscribeSse(Session session, String lastEventId) {
        String tenant = session.identity().tenant();
        feed.subscribe(session, tenant, sseCodec, lastEventId,
                () -> session.send("event: stream:gap\ndata: " + GAP_NOTICE + "\n\n"),
                snapshot == null ? null : () -> List.of(SkySpySse.frame(snapshot.apply(tenant))));
    }
}
