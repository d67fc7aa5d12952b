package io.streamgate.gateway.dialect.skyspy;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.streamgate.gateway.aircraft.AircraftFeed;
import io.streamgate.gateway.dialect.Conversation;
import io.streamgate.gateway.dialect.Handshake;
import io.streamgate.gateway.engine.Session;

/**
 * SkySpy's {@code /ws/aircraft/} and {@code /sse/aircraft/}: the aircraft snapshot on connect, then new
 * and updated aircraft (full objects, or deltas with {@code ?mode=delta}); the WebSocket also answers
 * the aircraft requests. SSE has no ids here: the picture is state, and a reconnecting client gets the
 * current one.
 */
@ApplicationScoped
class SkySpyAircraftChannel {

    private final AircraftFeed feed;
    private final SkySpyAircraftCodecs codecs;
    private final SkySpyAircraftRequests requests;

    SkySpyAircraftChannel(AircraftFeed feed, SkySpyAircraftCodecs codecs, SkySpyAircraftRequests requests) {
        this.feed = feed;
        this.codecs = codecs;
        this.requests = requests;
    }

    Conversation openWebSocket(Session session, Handshake handshake) {
        String tenant = session.identity().tenant();
        feed.subscribe(session, tenant, codecs.forMode(handshake.query("mode")));
        return new Conversation() {
            @Override
            public Uni<String> text(String message) {
                return SkySpyClientMessages.reply(message, (type, requestId, params) ->
                        requests.answer(tenant, type, requestId, params));
            }

            @Override
            public void closed() {
                feed.unsubscribe(session);
            }
        };
    }

    Conversation openSse(Session session, Handshake handshake) {
        feed.subscribe(session, session.identity().tenant(), codecs.forSseMode(handshake.query("mode")));
        return Conversation.closing(() -> feed.unsubscribe(session));
    }
}
