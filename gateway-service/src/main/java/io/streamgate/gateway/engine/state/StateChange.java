package io.streamgate.gateway.engine.state;

/**
 * What happened to one keyed thing (an aircraft, a device, a machine, an entity, a queue) since the
 * last tick.
 *
 * @param kind    whether the view had seen it before, or it went away
 * @param value   its latest state; for a removal, its last state
 * @param shipped the state last shipped to the subscribers of this tick rate, which deltas are computed
 *                against; null when none was
 * @param <V>     the platform record the view holds
 */
public record StateChange<V>(Kind kind, V value, V shipped) {

    public StateChange(Kind kind, V value) {
        this(kind, value, null);
    }

    public enum Kind {
        /** First state of a key the view did not hold. */
        NEW,
        /** A newer state of a known key. */
        UPDATE,
        /** The key went away (a tombstone, a deletion, a timeout); {@code value} is its last state. */
        REMOVE
    }

    /** This change with the state subscribers last saw, filled in when the tick ships it. */
    StateChange<V> since(V lastShipped) {
        return new StateChange<>(kind, value, lastShipped);
    }

    /**
     * Folds a newer change into the one pending for the same tick: the latest state wins, a NEW key
     * stays new to the client, a removal wins, and a key that comes back after a removal is new.
     */
    static <V> StateChange<V> merge(StateChange<V> pending, StateChange<V> newer) {
        if (newer.kind() == Kind.REMOVE) {
            return newer;
        }
        Kind kind = pending.kind() == Kind.UPDATE ? newer.kind() : Kind.NEW;
        return new StateChange<>(kind, newer.value());
    }
}
