package io.streamgate.gateway.dialect;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

import io.streamgate.gateway.transport.SseFrames;

/**
 * A product's own sign of life, as a message (Haltless {@code heartbeat}, Spooled {@code Ping}), distinct
 * from the transport's WebSocket pings and SSE keep-alive comments. The transports send it to every
 * admitted connection of the dialect right after its channel opened and then every {@code interval};
 * never before a first-message client has authenticated.
 *
 * @param interval how often; a named setting of the dialect
 * @param sseEvent the SSE {@code event:} name it goes out under (no {@code id:}: it is not resumable)
 * @param message  renders the message, once per round for every connection that gets it
 */
public record Heartbeat(Duration interval, String sseEvent, Supplier<String> message) {

    public Heartbeat {
        Objects.requireNonNull(sseEvent, "sseEvent");
        Objects.requireNonNull(message, "message");
        if (interval == null || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("a heartbeat interval must be positive");
        }
    }

    /** The message as a Server-Sent Event. */
    public String sseFrame() {
        return SseFrames.event(null, sseEvent, message.get());
    }
}
