package io.streamgate.gateway.engine;

import java.util.List;

/**
 * A dialect's rendering of a feed's events into wire frames. The engine calls it once per tick per
 * (tenant, encoder) and writes the resulting frames to every session that uses this encoder, so an
 * encoder must not depend on the session. Implementations are compared by identity: one instance per
 * dialect variant.
 *
 * @param <E> the feed's event type
 */
@FunctionalInterface
public interface Encoder<E> {

    /** @return the frames to send, in order; empty when there is nothing to send */
    List<String> encode(List<E> events);
}
