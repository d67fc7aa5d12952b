package io.streamgate.gateway.engine.state;

import java.time.Duration;
import java.util.Collection;

import io.streamgate.gateway.engine.Encoder;

/**
 * How a dialect writes a keyed-state view: the changes of a tick, the snapshot a new or resynced client
 * gets, and, if the product has one, a periodic sign of life. One instance per dialect variant: the
 * engine encodes once per (tenant, codec, filter) and writes the same bytes to every such session.
 *
 * @param <V> the platform record the view holds
 */
public interface StateCodec<V> extends Encoder<StateChange<V>> {

    String snapshot(Collection<V> values);

    /** The periodic sign of life for a picture of {@code count} values; null for none (the default). */
    default String heartbeat(int count) {
        return null;
    }

    /**
     * How often this variant's changes leave, conflated per key (SkySpy: its 200 ms batch window); null
     * for the engine's tick ({@code streamgate.gateway.engine.tick}).
     */
    default Duration batchWindow() {
        return null;
    }
}
