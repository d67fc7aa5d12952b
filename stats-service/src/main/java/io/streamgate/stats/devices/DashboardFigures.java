package io.streamgate.stats.devices;

import java.nio.charset.StandardCharsets;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.streamgate.platform.devices.GeofenceDefinition;
import io.streamgate.platform.json.Json;
import io.streamgate.stats.StatsConfig;
import io.streamgate.stats.publish.Figures;
import io.streamgate.stats.store.Days;
import io.streamgate.stats.store.Nodes;
import io.streamgate.stats.store.RedisReads;
import io.streamgate.stats.store.StatsKeys;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import io.vertx.mutiny.redis.client.Command;

/**
 * {@code dashboard} (SpatialFlow's {@code stats}): {@code {active_geofences, active_devices, events_today,
 * entries_today, exits_today, timestamp}}; the publisher adds {@code timestamp}. {@code active_geofences} counts
 * the definitions with {@code active: true} in {@code streamgate:tenant:<t>:geofences}; {@code active_devices}
 * the devices that reported within the active window.
 */
@ApplicationScoped
public class DashboardFigures implements Figures {

    private final RedisReads redis;
    private final StatsConfig.Devices config;

    DashboardFigures(RedisReads redis, StatsConfig config) {
        this.redis = redis;
        this.config = config.devices();
    }

    @Override
    public String statType() {
        return "dashboard";
    }

    @Override
    public ObjectNode compute(String tenant, Instant now) {
        long activeCutoff = now.minus(config.activeWindow()).toEpochMilli();
        String seen = DeviceKeys.seen(tenant);
        List<Response> replies = redis.batch(List.of(
                Request.cmd(Command.ZREMRANGEBYSCORE).arg(seen).arg("-inf").arg(activeCutoff),
                Request.cmd(Command.ZCARD).arg(seen),
                Request.cmd(Command.HMGET).arg(DeviceKeys.geofenceDay(tenant, Days.day(now)))
                        .arg("events").arg("entry").arg("exit")));
        List<String> today = RedisReads.strings(replies.get(2));
        ObjectNode data = Nodes.object();
        data.put("active_geofences", activeGeofences(tenant));
        data.put("active_devices", RedisReads.toLong(replies.get(1)));
        data.put("events_today", number(today, 0));
        data.put("entries_today", number(today, 1));
        data.put("exits_today", number(today, 2));
        return data;
    }

    private long activeGeofences(String tenant) {
        long active = 0;
        for (String json : redis.hvals(StatsKeys.geofences(tenant))) {
            try {
                if (json != null && Json.decode(json.getBytes(StandardCharsets.UTF_8), GeofenceDefinition.class).active()) {
                    active++;
                }
            } catch (UncheckedIOException notADefinition) {
                // Written by someone else in another shape; not ours to count.
            }
        }
        return active;
    }

    private static long number(List<String> values, int i) {
        return i < values.size() && values.get(i) != null ? Long.parseLong(values.get(i)) : 0;
    }
}
