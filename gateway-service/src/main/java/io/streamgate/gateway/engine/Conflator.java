package io.streamgate.gateway.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.BinaryOperator;

/**
 * Latest-wins collection of keyed updates between two ticks, per tenant. However fast a key changes,
 * at most one event per key leaves per tick, so a burst never turns into a queue. Engine thread only.
 *
 * @param <K> the key (aircraft hex, machine id, …)
 * @param <E> the event
 */
public final class Conflator<K, E> {

    private final BinaryOperator<E> merge;
    private Map<String, LinkedHashMap<K, E>> pending = new HashMap<>();
    private long conflated;

    /** @param merge combines the pending event with a newer one for the same key (usually: keep the newer) */
    public Conflator(BinaryOperator<E> merge) {
        this.merge = merge;
    }

    public void offer(String tenant, K key, E event) {
        LinkedHashMap<K, E> events = pending.computeIfAbsent(tenant, t -> new LinkedHashMap<>());
        E previous = events.putIfAbsent(key, event);
        if (previous != null) {
            events.put(key, merge.apply(previous, event));
            conflated++;
        }
    }

    /** Hands each tenant's pending events to {@code sink}, in first-offered key order, and starts afresh. */
    public void drain(BiConsumer<String, List<E>> sink) {
        if (pending.isEmpty()) {
            return;
        }
        Map<String, LinkedHashMap<K, E>> ready = pending;
        pending = new HashMap<>();
        ready.forEach((tenant, events) -> sink.accept(tenant, new ArrayList<>(events.values())));
    }

    /** Events that were replaced by a newer one before they left. */
    public long conflatedCount() {
        return conflated;
    }
}
