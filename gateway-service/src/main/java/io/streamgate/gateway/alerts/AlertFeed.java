package io.streamgate.gateway.alerts;

import jakarta.inject.Singleton;

import io.micrometer.core.instrument.MeterRegistry;
import io.streamgate.gateway.engine.EngineLoop;
import io.streamgate.gateway.engine.events.EventFeed;
import io.streamgate.gateway.engine.events.EventFeedConfig;
import io.streamgate.gateway.engine.events.KafkaReplay;
import io.streamgate.platform.topic.Topics;

/**
 * The {@code alerts.triggered} events, resumable, never dropped: aircraft rule triggers and their
 * acknowledgements, and sensor threshold alerts. Each dialect picks the types it speaks by the
 * CloudEvents type.
 */
@Singleton
public class AlertFeed extends EventFeed {

    AlertFeed(EngineLoop loop, EventFeedConfig config, KafkaReplay replay, MeterRegistry registry) {
        super(Topics.ALERTS_TRIGGERED, loop, config, replay, registry);
    }
}
