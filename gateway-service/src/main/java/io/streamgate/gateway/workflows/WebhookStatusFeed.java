package io.streamgate.gateway.workflows;

import jakarta.inject.Singleton;

import io.micrometer.core.instrument.MeterRegistry;
import io.streamgate.gateway.engine.EngineLoop;
import io.streamgate.gateway.engine.events.EventFeed;
import io.streamgate.gateway.engine.events.EventFeedConfig;
import io.streamgate.gateway.engine.events.KafkaReplay;
import io.streamgate.platform.topic.Topics;

/** The {@code webhooks.status} events, resumable, never dropped: webhook delivery attempts and their outcome. */
@Singleton
public class WebhookStatusFeed extends EventFeed {

    WebhookStatusFeed(EngineLoop loop, EventFeedConfig config, KafkaReplay replay, MeterRegistry registry) {
        super(Topics.WEBHOOKS_STATUS, loop, config, replay, registry);
    }
}
