package io.streamgate.gateway.aviation;

import jakarta.inject.Singleton;

import io.micrometer.core.instrument.MeterRegistry;
import io.streamgate.gateway.engine.EngineLoop;
import io.streamgate.gateway.engine.events.EventFeed;
import io.streamgate.gateway.engine.events.EventFeedConfig;
import io.streamgate.gateway.engine.events.KafkaReplay;
import io.streamgate.platform.topic.Topics;

/** The {@code audio.transcriptions} events, resumable, never dropped. */
@Singleton
public class AudioFeed extends EventFeed {

    AudioFeed(EngineLoop loop, EventFeedConfig config, KafkaReplay replay, MeterRegistry registry) {
        super(Topics.AUDIO_TRANSCRIPTIONS, loop, config, replay, registry);
    }
}
