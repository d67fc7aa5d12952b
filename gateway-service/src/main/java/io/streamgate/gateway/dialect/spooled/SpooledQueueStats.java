package io.streamgate.gateway.dialect.spooled;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;

import io.streamgate.gateway.stats.StatFigures;
import io.streamgate.gateway.stats.StatsEncoder;
import io.streamgate.gateway.transport.SseFrames;
import io.streamgate.platform.json.Json;

/**
 * {@code QueueStats}, one per queue, from stats-service's {@code queue_stats} figures (counted from the job
 * events: jobs pending and running now, completed and failed today). A client gets every queue it watches
 * when it starts, then only the queues whose counts changed, at most once per
 * {@code streamgate.gateway.stats.min-interval}. Clients without a queue filter share one encoder per
 * transport; a queue filter gets an encoder of its own (queue names are the client's, so they are not
 * interned in a map that would grow without bound).
 */
final class SpooledQueueStats implements StatsEncoder {

    static final String STAT_TYPE = "queue_stats";
    static final String EVENT = "queue.stats";
    static final SpooledQueueStats WEBSOCKET = new SpooledQueueStats(null, false);
    static final SpooledQueueStats SSE = new SpooledQueueStats(null, true);

    private final String queue;
    private final boolean sse;

    private SpooledQueueStats(String queue, boolean sse) {
        this.queue = queue;
        this.sse = sse;
    }

    static SpooledQueueStats of(SpooledFilter filter, boolean sse) {
        if (filter.queue() == null) {
            return sse ? SSE : WEBSOCKET;
        }
        return new SpooledQueueStats(filter.queue(), sse);
    }

    @Override
    public List<String> updates(StatFigures figures, StatFigures previous) {
        Map<String, Counts> before = previous == null ? Map.of() : counts(previous);
        List<String> frames = new ArrayList<>();
        counts(figures).forEach((name, counts) -> {
            if ((queue == null || SpooledFilter.glob(queue, name)) && !counts.equals(before.get(name))) {
                String message = SpooledMessages.queueStats(name, counts.pending, counts.processing, counts.completed,
                        counts.failed, figures.computedAt());
                frames.add(sse ? SseFrames.event(null, EVENT, message) : message);
            }
        });
        return frames;
    }

    private static Map<String, Counts> counts(StatFigures figures) {
        Map<String, Counts> counts = new TreeMap<>();
        try {
            for (JsonNode entry : Json.mapper().readTree(figures.data()).path("queues")) {
                String name = entry.path("queue").asText(null);
                if (name != null) {
                    counts.put(name, new Counts(entry.path("pending").asLong(), entry.path("running").asLong(),
                            entry.path("completed").asLong(), entry.path("failed").asLong()));
                }
            }
        } catch (IOException malformed) {
            // stats-service writes these figures; one it cannot have written reports nothing.
        }
        return counts;
    }

    private record Counts(long pending, long processing, long completed, long failed) {
    }

}
