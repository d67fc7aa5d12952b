package io.streamgate.stats.window;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.streamgate.stats.StatsConfig;
import io.streamgate.stats.store.RedisReads;
import io.streamgate.stats.store.StatsKeys;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Command;

/**
 * Adds up the minute windows of every replica. Each replica consumes its own partitions, so its window
 * values are its share; it writes them to the tenant's hash {@code …:stats-agg:windows} (field
 * {@code <metric>|<replica>}, value {@code <metric>|<replica>|<value>|<epoch ms>}) on every tick, and a
 * figure is the sum of the shares written recently. A replica that stopped stops counting after
 * {@link #staleAfter}.
 */
@ApplicationScoped
public class WindowContributions {

    private final String replica = UUID.randomUUID().toString();
    private final RedisReads redis;
    private final MinuteWindows windows;
    private final Duration staleAfter;

    WindowContributions(RedisReads redis, MinuteWindows windows, StatsConfig config) {
        this.redis = redis;
        this.windows = windows;
        this.staleAfter = config.tick().multipliedBy(4).plusSeconds(2);
    }

    /** Writes this replica's share of every tenant it has windows for. */
    public void share(long epochMillis) {
        List<Request> writes = new ArrayList<>();
        for (String tenant : windows.tenants()) {
            String key = StatsKeys.windows(tenant);
            windows.snapshot(tenant, epochMillis).forEach((metric, value) -> writes.add(Request.cmd(Command.HSET)
                    .arg(key).arg(metric + "|" + replica).arg(metric + "|" + replica + "|" + value + "|" + epochMillis)));
            writes.add(Request.cmd(Command.EXPIRE).arg(key).arg(Math.max(60, staleAfter.toSeconds() * 4)));
        }
        redis.batch(writes);
    }

    /** Every metric of {@code tenant}, summed over the replicas that wrote recently. */
    public Map<String, Long> totals(String tenant, long epochMillis) {
        Map<String, Long> totals = new HashMap<>();
        for (String value : redis.hvals(StatsKeys.windows(tenant))) {
            // Parsed from the right: a metric name (a queue's) may itself contain '|'.
            int atBar = value == null ? -1 : value.lastIndexOf('|');
            int valueBar = atBar < 0 ? -1 : value.lastIndexOf('|', atBar - 1);
            int replicaBar = valueBar < 0 ? -1 : value.lastIndexOf('|', valueBar - 1);
            if (replicaBar < 0) {
                continue;
            }
            try {
                long at = Long.parseLong(value.substring(atBar + 1));
                if (epochMillis - at <= staleAfter.toMillis()) {
                    totals.merge(value.substring(0, replicaBar), Long.parseLong(value.substring(valueBar + 1, atBar)),
                            Long::sum);
                }
            } catch (NumberFormatException ignored) {
                // Not written by this service; skip it.
            }
        }
        return totals;
    }
}
