package io.streamgate.gateway.aviation;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

import jakarta.inject.Singleton;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.micrometer.core.instrument.MeterRegistry;
import io.streamgate.gateway.engine.EngineLoop;
import io.streamgate.gateway.engine.events.EventFeed;
import io.streamgate.gateway.engine.events.EventFeedConfig;
import io.streamgate.gateway.engine.events.KafkaReplay;
import io.streamgate.platform.event.KafkaBinaryBinding;
import io.streamgate.platform.event.MalformedEventException;
import io.streamgate.platform.json.Json;
import io.streamgate.platform.kafka.StartPosition;
import io.streamgate.platform.safety.SafetyEvent;
import io.streamgate.platform.topic.Topics;

/**
 * Safety events: a resumable, never-dropped event feed, plus the events still active per tenant (the
 * latest record of each episode), which snapshots and requests are made of. Reads the last
 * {@link #WARMUP} of {@code safety.events} at start so a new replica knows what is active.
 */
@Singleton
public class SafetyFeed extends EventFeed {

    /** Episodes last longer than a few minutes only when something is badly wrong; an hour covers them. */
    static final Duration WARMUP = Duration.ofHours(1);

    private final EngineLoop loop;
    private final Map<String, Map<Long, SafetyEvent>> active = new HashMap<>();

    SafetyFeed(EngineLoop loop, EventFeedConfig config, KafkaReplay replay, MeterRegistry registry) {
        super(Topics.SAFETY_EVENTS, loop, config, replay, registry);
        this.loop = loop;
    }

    @Override
    public StartPosition startPosition() {
        return StartPosition.lookback(WARMUP);
    }

    @Override
    public void onRecords(List<ConsumerRecord<String, byte[]>> records) {
        for (ConsumerRecord<String, byte[]> record : records) {
            if (record.value() == null) {
                continue;
            }
            try {
                String tenant = KafkaBinaryBinding.read(record.headers()).tenant();
                SafetyEvent event = Json.decode(record.value(), SafetyEvent.class);
                Map<Long, SafetyEvent> tenantEvents = active.computeIfAbsent(tenant, t -> new LinkedHashMap<>());
                if (event.active()) {
                    tenantEvents.put(event.id(), event);
                } else {
                    tenantEvents.remove(event.id());
                }
            } catch (MalformedEventException | UncheckedIOException | IllegalArgumentException ignored) {
                // counted as malformed by the event feed below
            }
        }
        super.onRecords(records);
    }

    /** The tenant's active events, newest first; call on the engine thread. */
    public List<SafetyEvent> activeEvents(String tenant) {
        List<SafetyEvent> events = new ArrayList<>(active.getOrDefault(tenant, Map.of()).values());
        events.sort(Comparator.comparing(SafetyEvent::timestamp).reversed());
        return events;
    }

    /** Runs {@code query} over the tenant's active events on the engine thread. */
    public <T> CompletionStage<T> query(String tenant, Function<List<SafetyEvent>, T> query) {
        return loop.submit(() -> query.apply(activeEvents(tenant)));
    }
}
