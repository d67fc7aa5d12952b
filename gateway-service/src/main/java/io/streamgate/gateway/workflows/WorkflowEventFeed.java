package io.streamgate.gateway.workflows;

import jakarta.inject.Singleton;

import io.micrometer.core.instrument.MeterRegistry;
import io.streamgate.gateway.engine.EngineLoop;
import io.streamgate.gateway.engine.events.EventFeed;
import io.streamgate.gateway.engine.events.EventFeedConfig;
import io.streamgate.gateway.engine.events.KafkaReplay;
import io.streamgate.platform.topic.Topics;

/** The {@code workflows.events} events, resumable, never dropped: workflow and execution steps. */
@Singleton
public class WorkflowEventFeed extends EventFeed {

    WorkflowEventFeed(EngineLoop loop, EventFeedConfig config, KafkaReplay replay, MeterRegistry registry) {
        super(Topics.WORKFLOWS_EVENTS, loop, config, replay, registry);
    }
}
