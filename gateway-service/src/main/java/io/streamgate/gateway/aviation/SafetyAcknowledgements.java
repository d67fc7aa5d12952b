package io.streamgate.gateway.aviation;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.streamgate.platform.json.Json;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

/**
 * Who acknowledged which safety event (SkySpy's {@code acknowledge} request): an operator's action, not
 * the detector's, so it lives beside the feed in Redis, shared by every gateway replica, and the first
 * acknowledgement of an event wins.
 */
@Singleton
public class SafetyAcknowledgements {

    /** HSETNX then refresh the expiry; answers the acknowledgement now stored (this one or an earlier one). */
    private static final String ACKNOWLEDGE = """
            redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2])
            redis.call('PEXPIRE', KEYS[1], ARGV[3])
            return redis.call('HGET', KEYS[1], ARGV[1])
            """;

    public record Acknowledgement(@JsonProperty("event_id") long eventId,
            @JsonProperty("acknowledged") boolean acknowledged,
            @JsonProperty("acknowledged_by") String acknowledgedBy,
            @JsonProperty("acknowledged_at") Instant acknowledgedAt) {
    }

    private final Redis redis;
    private final SafetyAcknowledgementConfig config;

    SafetyAcknowledgements(Redis redis, SafetyAcknowledgementConfig config) {
        this.redis = redis;
        this.config = config;
    }

    static String key(String tenant) {
        return "streamgate:tenant:" + tenant + ":safety:acknowledged";
    }

    public CompletionStage<Acknowledgement> acknowledge(String tenant, long eventId, String by, Instant at) {
        return redis.send(Request.cmd(Command.EVAL).arg(ACKNOWLEDGE).arg(1).arg(key(tenant)).arg(eventId)
                .arg(Json.encode(new Acknowledgement(eventId, true, by, at)))
                .arg(config.acknowledgementTtl().toMillis()))
                .map(reply -> Json.decode(reply.toBytes(), Acknowledgement.class))
                .toCompletionStage();
    }

    /** The tenant's acknowledgements by event id. */
    public CompletionStage<Map<Long, Acknowledgement>> all(String tenant) {
        return redis.send(Request.cmd(Command.HGETALL).arg(key(tenant))).map(reply -> {
            Map<Long, Acknowledgement> byId = new HashMap<>();
            if (reply != null) {
                for (String field : reply.getKeys()) {
                    Response value = reply.get(field);
                    Acknowledgement ack = Json.decode(value.toBytes(), Acknowledgement.class);
                    byId.put(ack.eventId(), ack);
                }
            }
            return byId;
        }).toCompletionStage();
    }
}
