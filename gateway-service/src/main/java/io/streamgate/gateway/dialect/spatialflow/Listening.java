package io.streamgate.gateway.dialect.spatialflow;

import java.io.IOException;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

import io.smallrye.mutiny.Uni;
import io.streamgate.gateway.dialect.Conversation;
import io.streamgate.platform.json.Json;

/**
 * A SpatialFlow channel's conversation: the channels only stream, so the one message a client may send is
 * {@code {"type":"ping"}} (answered {@code pong}); anything else is answered with an error and the stream goes
 * on. Remembers that the connection ended, for a channel whose subscription completes after a lookup.
 */
final class Listening implements Conversation {

    private static final String ONLY_PING = SpatialFlowMessages.error(
            "This channel only streams; the one message it takes is {\"type\":\"ping\"}");
    private static final String NOT_JSON = SpatialFlowMessages.error("Invalid JSON");

    private final Runnable unsubscribe;
    private final AtomicBoolean ended = new AtomicBoolean();

    Listening(Runnable unsubscribe) {
        this.unsubscribe = unsubscribe;
    }

    @Override
    public Uni<String> text(String message) {
        try {
            String type = Json.mapper().readTree(message).path("type").asText();
            return Uni.createFrom().item("ping".equals(type) ? SpatialFlowMessages.pong(Instant.now()) : ONLY_PING);
        } catch (IOException e) {
            return Uni.createFrom().item(NOT_JSON);
        }
    }

    @Override
    public void closed() {
        ended.set(true);
        unsubscribe.run();
    }

    /**
     * For a subscription made after {@link #closed()} may have run: undoes it if the connection is gone. The
     * feed runs subscribe and unsubscribe in the order they are asked, so this leaves nothing behind.
     */
    void unsubscribeIfEnded() {
        if (ended.get()) {
            unsubscribe.run();
        }
    }
}
