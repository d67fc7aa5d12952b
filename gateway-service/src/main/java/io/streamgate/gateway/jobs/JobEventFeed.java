package io.streamgate.gateway.jobs;

import jakarta.inject.Singleton;

import io.micrometer.core.instrument.MeterRegistry;
import io.streamgate.gateway.engine.EngineLoop;
import io.streamgate.gateway.engine.events.EventFeed;
import io.streamgate.gateway.engine.events.EventFeedConfig;
import io.streamgate.gateway.engine.events.KafkaReplay;
import io.streamgate.platform.topic.Topics;

/** The {@code jobs.events} events, resumable, never dropped: every step of every job, in order per job (at-least-once across resumes, as Spooled promises). */
@Singleton
public class JobEventFeed extends EventFeed {

    JobEventFeed(EngineLoop loop, EventFeedConfig config, KafkaReplay replay, MeterRegistry registry) {
        super(Topics.JOBS_EVENTS, loop, config, replay, registry);
    }
}
