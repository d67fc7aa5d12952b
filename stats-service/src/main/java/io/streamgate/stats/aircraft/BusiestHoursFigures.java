package io.streamgate.stats.aircraft;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.streamgate.stats.StatsConfig;
import io.streamgate.stats.publish.Figures;
import io.streamgate.stats.store.Days;
import io.streamgate.stats.store.Nodes;
import io.streamgate.stats.store.RedisReads;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import io.vertx.mutiny.redis.client.Command;

/**
 * {@code busiest_hours}: {@code {days, hours: [{hour, positions, aircraft}] (0–23 UTC), busiest_hour}} over the
 * last {@code days} UTC days: positions summed, aircraft distinct over the period (HyperLogLog union, ±1 %).
 * {@code busiest_hour} is the hour with the most positions, null without any.
 */
@ApplicationScoped
public class BusiestHoursFigures implements Figures {

    private final RedisReads redis;
    private final int days;

    BusiestHoursFigures(RedisReads redis, StatsConfig config) {
        this.redis = redis;
        this.days = config.days();
    }

    @Override
    public String statType() {
        return "busiest_hours";
    }

    @Override
    public ObjectNode compute(String tenant, Instant now) {
        LocalDate today = Days.day(now);
        List<Request> requests = new ArrayList<>();
        for (int d = 0; d < days; d++) {
            Request hmget = Request.cmd(Command.HMGET).arg(AircraftKeys.day(tenant, today.minusDays(d)));
            for (int h = 0; h < 24; h++) {
                hmget.arg(PositionsRecorder.POSITIONS + ":" + hourName(h));
            }
            requests.add(hmget);
        }
        for (int h = 0; h < 24; h++) {
            Request pfcount = Request.cmd(Command.PFCOUNT);
            for (int d = 0; d < days; d++) {
                pfcount.arg(AircraftKeys.hour(tenant, today.minusDays(d), hourName(h)));
            }
            requests.add(pfcount);
        }
        List<Response> replies = redis.batch(requests);
        long[] positions = new long[24];
        for (int d = 0; d < days; d++) {
            List<String> counts = RedisReads.strings(replies.get(d));
            for (int h = 0; h < 24 && h < counts.size(); h++) {
                positions[h] += counts.get(h) == null ? 0 : Long.parseLong(counts.get(h));
            }
        }
        ObjectNode data = Nodes.object();
        data.put("days", days);
        ArrayNode hours = data.putArray("hours");
        int busiest = -1;
        for (int h = 0; h < 24; h++) {
            hours.addObject().put("hour", h).put("positions", positions[h])
                    .put("aircraft", RedisReads.toLong(replies.get(days + h)));
            if (positions[h] > 0 && (busiest < 0 || positions[h] > positions[busiest])) {
                busiest = h;
            }
        }
        if (busiest >= 0) {
            data.put("busiest_hour", busiest);
        } else {
            data.putNull("busiest_hour");
        }
        return data;
    }

    private static String hourName(int hour) {
        return String.format("%02d", hour);
    }
}
