package io.streamgate.gateway.aviation;

import jakarta.inject.Singleton;

import io.micrometer.core.instrument.MeterRegistry;
import io.streamgate.gateway.engine.EngineLoop;
import io.streamgate.gateway.engine.events.EventFeed;
import io.streamgate.gateway.engine.events.EventFeedConfig;
import io.streamgate.gateway.engine.events.KafkaReplay;
import io.streamgate.platform.kafka.StartPosition;
import io.streamgate.platform.topic.Topics;

/** The {@code airspace.advisories} events, resumable, never dropped. */
@Singleton
public class AirspaceFeed extends EventFeed {

    AirspaceFeed(EngineLoop loop, EventFeedConfig config, KafkaReplay replay, MeterRegistry registry) {
        super(Topics.AIRSPACE_ADVISORIES, loop, config, replay, registry);
    }

    /** From the start of the compacted topic, so that the advisories in force are known after a restart. */
    @Override
    public StartPosition startPosition() {
        return StartPosition.earliest();
    }
}
