package io.streamgate.gateway.jobs;

import jakarta.inject.Singleton;

import io.micrometer.core.instrument.MeterRegistry;
import io.streamgate.gateway.engine.EngineLoop;
import io.streamgate.gateway.engine.events.EventFeed;
import io.streamgate.gateway.engine.events.EventFeedConfig;
import io.streamgate.gateway.engine.events.KafkaReplay;
import io.streamgate.platform.topic.Topics;

/** The {@code workers.events} events, resumable, never dropped: workers registering, beating and leaving. */
@Singleton
public class WorkerEventFeed extends EventFeed {

    WorkerEventFeed(EngineLoop loop, EventFeedConfig config, KafkaReplay replay, MeterRegistry registry) {
        super(Topics.WORKERS_EVENTS, loop, config, replay, registry);
    }
}
