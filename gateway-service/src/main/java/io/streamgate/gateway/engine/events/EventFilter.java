package io.streamgate.gateway.engine.events;

import java.util.function.Predicate;

/**
 * Which events of a feed one subscription wants (GeonicDB's entity types and id pattern). Sessions of a
 * tenant with equal filters (and the same encoder) form one group that is tested and encoded once per
 * event, so implementations are value objects with {@code equals}; two lambdas never compare equal and
 * would cost a test per session. Called on the engine thread only, once per group per event: it must be
 * cheap and must not block.
 */
public interface EventFilter extends Predicate<LiveEvent> {

    /** Every event of the tenant: the one instance, so unfiltered sessions share one group. */
    EventFilter ALL = new EventFilter() {
        @Override
        public boolean test(LiveEvent event) {
            return true;
        }

        @Override
        public String toString() {
            return "all";
        }
    };
}
