package io.streamgate.gateway.devices;

import jakarta.inject.Singleton;

import io.micrometer.core.instrument.MeterRegistry;
import io.streamgate.gateway.engine.EngineLoop;
import io.streamgate.gateway.engine.events.EventFeed;
import io.streamgate.gateway.engine.events.EventFeedConfig;
import io.streamgate.gateway.engine.events.KafkaReplay;
import io.streamgate.platform.topic.Topics;

/** The {@code geofence.events} events, resumable, never dropped: devices entering and leaving geofences. */
@Singleton
public class GeofenceEventFeed extends EventFeed {

    GeofenceEventFeed(EngineLoop loop, EventFeedConfig config, KafkaReplay replay, MeterRegistry registry) {
        super(Topics.GEOFENCE_EVENTS, loop, config, replay, registry);
    }
}
