package io.streamgate.stats.aircraft;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.streamgate.platform.json.Json;
import io.streamgate.stats.StatsConfig;
import io.streamgate.stats.store.RedisReads;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Command;

/**
 * The tenant's aircraft table in Redis, read for the current-state figures. It is shared by every replica
 * (each writes the aircraft of its partitions), so "tracked now" survives restarts and rebalances whole.
 */
@ApplicationScoped
public class AircraftTable {

    /** Entries older than this many tracked-windows are removed: long gone, and the table stays small. */
    private static final int PRUNE_AFTER_WINDOWS = 10;

    private static final String PRUNE = """
            local gone = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
            for i = 1, #gone do redis.call('HDEL', KEYS[2], gone[i]) end
            redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
            return #gone
            """;

    private final RedisReads redis;
    private final Duration trackedWindow;

    AircraftTable(RedisReads redis, StatsConfig config) {
        this.redis = redis;
        this.trackedWindow = config.aircraft().trackedWindow();
    }

    /** The aircraft with a position within the tracked window. */
    public List<Sighting> tracked(String tenant, Instant now) {
        long cutoff = now.minus(trackedWindow).toEpochMilli();
        List<Sighting> tracked = new ArrayList<>();
        for (String json : redis.hvals(AircraftKeys.last(tenant))) {
            Sighting sighting = Json.decode(json.getBytes(java.nio.charset.StandardCharsets.UTF_8), Sighting.class);
            if (sighting.seenMillis() > cutoff) {
                tracked.add(sighting);
            }
        }
        return tracked;
    }

    /** Removes aircraft long gone. */
    public void prune(String tenant, Instant now) {
        long cutoff = now.minus(trackedWindow.multipliedBy(PRUNE_AFTER_WINDOWS)).toEpochMilli();
        redis.send(Request.cmd(Command.EVAL).arg(PRUNE).arg(2).arg(AircraftKeys.seen(tenant))
                .arg(AircraftKeys.last(tenant)).arg(cutoff));
    }
}
