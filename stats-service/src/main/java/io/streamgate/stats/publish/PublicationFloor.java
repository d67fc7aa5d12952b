package io.streamgate.stats.publish;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import io.streamgate.stats.StatsConfig;
import io.streamgate.stats.store.RedisReads;
import io.streamgate.stats.store.StatsKeys;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import io.vertx.mutiny.redis.client.Command;

/**
 * At most one publication per (tenant, stat type) per interval, across every replica: the time of the last
 * publication lives in Redis and a script checks and moves it atomically. The publication's
 * {@code computed_at} is the very time the script accepted, so consecutive publications are at least one
 * interval apart in their own timestamps (with replicas on NTP-synchronised clocks).
 */
@ApplicationScoped
public class PublicationFloor {

    private static final String CLAIM = """
            local last = redis.call('GET', KEYS[1])
            if last and tonumber(ARGV[1]) - tonumber(last) < tonumber(ARGV[2]) then return 0 end
            redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[3])
            return 1
            """;

    private final RedisReads redis;
    private final Duration interval;

    PublicationFloor(RedisReads redis, StatsConfig config) {
        this.redis = redis;
        this.interval = config.publishInterval();
    }

    /** True, and the slot is taken, when (tenant, stat type) may publish with {@code computed_at = epochMillis}. */
    public boolean claim(String tenant, String statType, long epochMillis) {
        Response claimed = redis.send(Request.cmd(Command.EVAL).arg(CLAIM).arg(1)
                .arg(StatsKeys.published(tenant, statType)).arg(epochMillis).arg(interval.toMillis())
                .arg(Math.max(60_000, interval.toMillis() * 10)));
        return claimed != null && claimed.toLong() == 1;
    }

    public Duration interval() {
        return interval;
    }
}
