package io.streamgate.stats.aircraft;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.streamgate.platform.aviation.AircraftPosition;
import io.streamgate.platform.event.EventTypes;
import io.streamgate.platform.json.Json;
import io.streamgate.platform.topic.Topics;
import io.streamgate.stats.StatsConfig;
import io.streamgate.stats.kafka.Incoming;
import io.streamgate.stats.kafka.Recorder;
import io.streamgate.stats.store.Days;
import io.streamgate.stats.store.RedisBatch;
import io.streamgate.stats.window.MinuteWindows;

/**
 * {@code aircraft.positions} → the aircraft table, day/hour counters and the message-rate windows. Day and
 * hour are the position's own time (UTC), so a replayed backlog lands on the day it happened.
 */
@ApplicationScoped
public class PositionsRecorder implements Recorder {

    static final String POSITIONS = "positions";
    static final String AIRCRAFT = "aircraft";

    /** The aircraft table outlives the "tracked now" window; the publisher prunes it. */
    private static final Duration TABLE_TTL = Duration.ofDays(1);

    private final StatsConfig config;
    private final MinuteWindows windows;

    PositionsRecorder(StatsConfig config, MinuteWindows windows) {
        this.config = config;
        this.windows = windows;
    }

    @Override
    public List<String> topics() {
        return List.of(Topics.AIRCRAFT_POSITIONS.name());
    }

    @Override
    public void record(Incoming record, RedisBatch batch) {
        if (!EventTypes.AIRCRAFT_POSITION.equals(record.type()) || record.tombstone()) {
            throw new IllegalArgumentException("not an aircraft position: " + record.type());
        }
        AircraftPosition position = record.as(AircraftPosition.class);
        String tenant = record.tenant();
        Instant at = position.timestamp() != null ? position.timestamp() : record.time();
        String hex = position.hex();
        batch.tenant(tenant);
        batch.hset(AircraftKeys.last(tenant), hex, new String(Json.encode(new Sighting(hex, position.flight(),
                position.lat(), position.lon(), position.military(), position.category(), position.typeCode(),
                position.stale(), at.toEpochMilli())), java.nio.charset.StandardCharsets.UTF_8), TABLE_TTL);
        batch.zadd(AircraftKeys.seen(tenant), at.toEpochMilli(), hex, TABLE_TTL);

        Duration ttl = Days.ttl(config);
        LocalDate day = Days.day(at);
        String hour = Days.hour(at);
        batch.hincrby(AircraftKeys.day(tenant, day), POSITIONS, 1, ttl);
        batch.hincrby(AircraftKeys.day(tenant, day), POSITIONS + ":" + hour, 1, ttl);
        batch.hset(AircraftKeys.kinds(tenant, day), hex, Kind.of(position).encode(), ttl);
        batch.pfadd(AircraftKeys.hour(tenant, day, hour), hex, ttl);

        windows.count(tenant, POSITIONS, record.receivedMillis(), 1);
        windows.distinct(tenant, AIRCRAFT, hex, record.receivedMillis());
    }
}
