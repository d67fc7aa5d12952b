package io.streamgate.stats.safety;

import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.streamgate.platform.event.EventTypes;
import io.streamgate.platform.safety.SafetyEvent;
import io.streamgate.platform.topic.Topics;
import io.streamgate.stats.StatsConfig;
import io.streamgate.stats.kafka.Incoming;
import io.streamgate.stats.kafka.Recorder;
import io.streamgate.stats.store.Days;
import io.streamgate.stats.store.RedisBatch;

/**
 * {@code safety.events} → open episodes and the episodes of each day. Keyed by episode id, so every record
 * of an episode (raised, changed, ended; or the same record read twice) leaves one entry: replays count nothing
 * twice. An episode belongs to the day it was first seen.
 */
@ApplicationScoped
public class SafetyEventsRecorder implements Recorder {

    private static final Duration ACTIVE_TTL = Duration.ofDays(1);

    private final StatsConfig config;

    SafetyEventsRecorder(StatsConfig config) {
        this.config = config;
    }

    @Override
    public List<String> topics() {
        return List.of(Topics.SAFETY_EVENTS.name());
    }

    @Override
    public void record(Incoming record, RedisBatch batch) {
        if (!EventTypes.SAFETY_EVENT.equals(record.type()) || record.tombstone()) {
            throw new IllegalArgumentException("not a safety event: " + record.type());
        }
        SafetyEvent event = record.as(SafetyEvent.class);
        String tenant = record.tenant();
        String id = Long.toString(event.id());
        String kind = event.eventType() + "|" + event.severity();
        batch.tenant(tenant);
        if (event.active()) {
            batch.hset(SafetyKeys.active(tenant), id, kind, ACTIVE_TTL);
        } else {
            batch.hdel(SafetyKeys.active(tenant), id);
        }
        batch.hset(SafetyKeys.day(tenant, Days.day(event.firstSeen())), id, kind, Days.ttl(config));
    }
}
