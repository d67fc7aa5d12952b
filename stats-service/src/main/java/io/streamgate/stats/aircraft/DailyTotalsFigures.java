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
 * {@code daily_totals}: {@code {days: [{date, aircraft, positions}]}}, today first, the last {@code days} UTC
 * days; aircraft are distinct per day (exact: one hash field per hex).
 */
@ApplicationScoped
public class DailyTotalsFigures implements Figures {

    private final RedisReads redis;
    private final int days;

    DailyTotalsFigures(RedisReads redis, StatsConfig config) {
        this.redis = redis;
        this.days = config.days();
    }

    @Override
    public String statType() {
        return "daily_totals";
    }

    @Override
    public ObjectNode compute(String tenant, Instant now) {
        LocalDate today = Days.day(now);
        List<Request> requests = new ArrayList<>();
        for (int d = 0; d < days; d++) {
            LocalDate day = today.minusDays(d);
            requests.add(Request.cmd(Command.HLEN).arg(AircraftKeys.kinds(tenant, day)));
            requests.add(Request.cmd(Command.HGET).arg(AircraftKeys.day(tenant, day)).arg(PositionsRecorder.POSITIONS));
        }
        List<Response> replies = redis.batch(requests);
        ObjectNode data = Nodes.object();
        ArrayNode list = data.putArray("days");
        for (int d = 0; d < days; d++) {
            list.addObject().put("date", today.minusDays(d).toString())
                    .put("aircraft", RedisReads.toLong(replies.get(2 * d)))
                    .put("positions", RedisReads.toLong(replies.get(2 * d + 1)));
        }
        return data;
    }
}
