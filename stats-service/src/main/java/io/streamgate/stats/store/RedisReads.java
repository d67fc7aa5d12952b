package io.streamgate.stats.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import io.vertx.mutiny.redis.client.Command;

/**
 * Blocking access to Redis for the consumer and publisher threads (never the event loop): batches and the
 * few read shapes the figures need.
 */
@ApplicationScoped
public class RedisReads {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Redis redis;

    RedisReads(Redis redis) {
        this.redis = redis;
    }

    /** Sends the requests in one round trip (pipelined, not atomic) and returns the replies in order. */
    public List<Response> batch(List<Request> requests) {
        if (requests.isEmpty()) {
            return List.of();
        }
        return redis.batch(requests).await().atMost(TIMEOUT);
    }

    public Response send(Request request) {
        return redis.send(request).await().atMost(TIMEOUT);
    }

    public void write(RedisBatch batch) {
        batch(batch.requests());
    }

    /** The values of a hash ({@code HVALS}); every hash here keeps the field's id inside its value. */
    public List<String> hvals(String key) {
        return strings(send(Request.cmd(Command.HVALS).arg(key)));
    }

    public List<String> smembers(String key) {
        return strings(send(Request.cmd(Command.SMEMBERS).arg(key)));
    }

    public static List<String> strings(Response response) {
        List<String> out = new ArrayList<>();
        if (response != null) {
            for (Response item : response) {
                out.add(item == null ? null : item.toString());
            }
        }
        return out;
    }

    public static long toLong(Response response) {
        return response == null ? 0 : response.toLong();
    }
}
