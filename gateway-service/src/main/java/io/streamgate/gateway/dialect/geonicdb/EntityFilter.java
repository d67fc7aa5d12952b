package io.streamgate.gateway.dialect.geonicdb;

import java.util.Set;

import io.streamgate.gateway.engine.events.EventFilter;
import io.streamgate.gateway.engine.events.LiveEvent;

/**
 * One {@code subscribe} message's filter: the entity types (empty: every type) and the id pattern (null:
 * every id). A value object, so sessions that subscribed alike share one group in the feed.
 */
record EntityFilter(Set<String> entityTypes, IdPattern idPattern) implements EventFilter {

    EntityFilter {
        entityTypes = Set.copyOf(entityTypes);
    }

    /** {@link EventFilter#ALL} when the message selects nothing, so such sessions join the unfiltered group. */
    static EventFilter of(Set<String> entityTypes, IdPattern idPattern) {
        return entityTypes.isEmpty() && idPattern == null ? EventFilter.ALL
                : new EntityFilter(entityTypes, idPattern);
    }

    @Override
    public boolean test(LiveEvent event) {
        EntityHeader header = EntityHeader.of(event);
        if (!entityTypes.isEmpty() && (header.entityType() == null || !entityTypes.contains(header.entityType()))) {
            return false;
        }
        return idPattern == null || (header.entityId() != null && idPattern.matches(header.entityId()));
    }
}
