package io.streamgate.gateway.entities;

import jakarta.inject.Singleton;

import io.micrometer.core.instrument.MeterRegistry;
import io.streamgate.gateway.engine.EngineLoop;
import io.streamgate.gateway.engine.events.EventFeed;
import io.streamgate.gateway.engine.events.EventFeedConfig;
import io.streamgate.gateway.engine.events.KafkaReplay;
import io.streamgate.platform.topic.Topics;

/** The {@code entities.changes} events, resumable, never dropped: every NGSI entity change (created, updated with its changed attributes, deleted), none conflated: a subscriber sees each change a client made. */
@Singleton
public class EntityChangeFeed extends EventFeed {

    EntityChangeFeed(EngineLoop loop, EventFeedConfig config, KafkaReplay replay, MeterRegistry registry) {
        super(Topics.ENTITIES_CHANGES, loop, config, replay, registry);
    }
}
