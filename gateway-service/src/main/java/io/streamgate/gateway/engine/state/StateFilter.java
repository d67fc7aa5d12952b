package io.streamgate.gateway.engine.state;

import java.util.function.Predicate;

/**
 * Which values of a view one subscription wants (entity types and an id pattern, a queue, a machine).
 * Sessions with equal filters share their frames, so implementations are value objects (records) with
 * {@code equals}: two lambdas never compare equal and would encode once per session. A filter should
 * test what does not change over a key's life (type, id): a value that stops matching is not removed
 * from the client's picture.
 *
 * @param <V> the platform record the view holds
 */
public interface StateFilter<V> extends Predicate<V> {

    /** Everything of the tenant. */
    @SuppressWarnings("rawtypes")
    StateFilter ALL = new All();

    @SuppressWarnings("unchecked")
    static <V> StateFilter<V> all() {
        return ALL;
    }

    /** The one instance of "no filter", so every unfiltered session of a codec shares one group. */
    @SuppressWarnings("rawtypes")
    final class All implements StateFilter {
        private All() {
        }

        @Override
        public boolean test(Object value) {
            return true;
        }

        @Override
        public String toString() {
            return "all";
        }
    }
}
