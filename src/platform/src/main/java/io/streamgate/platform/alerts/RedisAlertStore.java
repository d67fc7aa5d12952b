package io.streamgate.platform.alerts;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

import io.streamgate.platform.json.Json;
import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

/**
 * Alert rules, alert history and acknowledgements in Redis ({@link AlertKeys}). Written by the safety
 * service, and the same class lets the gateway answer {@code alert-rules}, {@code alerts},
 * {@code acknowledge-alert} and {@code acknowledge-all-alerts}. Multi-key changes are atomic (MULTI or a
 * Lua script), so several replicas may share one Redis.
 */
public final class RedisAlertStore {

    /** Adds one alert and trims the history by age and count, dropping the trimmed alerts' records. */
    private static final String RECORD_ALERT = """
            redis.call('ZADD', KEYS[1], ARGV[2], ARGV[1])
            redis.call('HSET', KEYS[2], ARGV[1], ARGV[3])
            local gone = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', '(' .. ARGV[4])
            local over = redis.call('ZCARD', KEYS[1]) - #gone - tonumber(ARGV[5])
            if over > 0 then
              for _, id in ipairs(redis.call('ZRANGE', KEYS[1], #gone, #gone + over - 1)) do
                table.insert(gone, id)
              end
            end
            for _, id in ipairs(gone) do
              redis.call('ZREM', KEYS[1], id)
              redis.call('HDEL', KEYS[2], id)
              redis.call('HDEL', KEYS[3], id)
            end
            -- A tenant that stops triggering loses its whole history max-age after its last alert.
            for i = 1, 3 do redis.call('PEXPIRE', KEYS[i], ARGV[6]) end
            return #gone
            """;

    /** nil for an unknown alert, else {1 if newly acknowledged else 0, the alert's JSON}. */
    private static final String ACKNOWLEDGE_ONE = """
            local alert = redis.call('HGET', KEYS[1], ARGV[1])
            if not alert then return nil end
            return {redis.call('HSETNX', KEYS[2], ARGV[1], ARGV[2]), alert}
            """;

    /** The JSON of every alert of the history that this call acknowledged. */
    private static final String ACKNOWLEDGE_ALL = """
            local done = {}
            for _, id in ipairs(redis.call('ZRANGE', KEYS[3], 0, -1)) do
              if redis.call('HSETNX', KEYS[2], id, ARGV[1]) == 1 then
                local alert = redis.call('HGET', KEYS[1], id)
                if alert then table.insert(done, alert) end
              end
            end
            return done
            """;

    private final Redis redis;

    public RedisAlertStore(Redis redis) {
        this.redis = redis;
    }

    // ---------------------------------------------------------------- rules

    /** Creates or replaces a rule and tells evaluators the tenant's rules changed, atomically. */
    public CompletionStage<Void> saveRule(String tenant, AlertRule rule) {
        return redis.batch(List.of(
                Request.cmd(Command.MULTI),
                Request.cmd(Command.HSET).arg(AlertKeys.rules(tenant)).arg(rule.id()).arg(Json.encode(rule)),
                Request.cmd(Command.HINCRBY).arg(AlertKeys.ruleVersions()).arg(tenant).arg(1),
                Request.cmd(Command.EXEC)))
                .<Void>mapEmpty().toCompletionStage();
    }

    /** @return true when the tenant had the rule */
    public CompletionStage<Boolean> deleteRule(String tenant, String id) {
        return redis.batch(List.of(
                Request.cmd(Command.MULTI),
                Request.cmd(Command.HDEL).arg(AlertKeys.rules(tenant)).arg(id),
                Request.cmd(Command.HINCRBY).arg(AlertKeys.ruleVersions()).arg(tenant).arg(1),
                Request.cmd(Command.EXEC)))
                .map(replies -> {
                    Response exec = replies.get(replies.size() - 1);
                    return exec != null && exec.get(0).toInteger() == 1;
                }).toCompletionStage();
    }

    public CompletionStage<Optional<AlertRule>> findRule(String tenant, String id) {
        return redis.send(Request.cmd(Command.HGET).arg(AlertKeys.rules(tenant)).arg(id))
                .map(value -> value == null ? Optional.<AlertRule>empty()
                        : Optional.of(Json.decode(value.toBytes(), AlertRule.class)))
                .toCompletionStage();
    }

    /** The tenant's rules, oldest first. */
    public CompletionStage<List<AlertRule>> listRules(String tenant) {
        return redis.send(Request.cmd(Command.HVALS).arg(AlertKeys.rules(tenant))).map(values -> {
            List<AlertRule> rules = new ArrayList<>();
            if (values != null) {
                for (Response value : values) {
                    rules.add(Json.decode(value.toBytes(), AlertRule.class));
                }
            }
            rules.sort(Comparator.comparing(AlertRule::createdAt).thenComparing(AlertRule::id));
            return rules;
        }).toCompletionStage();
    }

    public CompletionStage<Integer> countRules(String tenant) {
        return redis.send(Request.cmd(Command.HLEN).arg(AlertKeys.rules(tenant)))
                .map(count -> count == null ? 0 : count.toInteger()).toCompletionStage();
    }

    /** Tenant → change counter of its rules; a tenant whose counter moved must be reloaded. */
    public CompletionStage<Map<String, Long>> ruleVersions() {
        return redis.send(Request.cmd(Command.HGETALL).arg(AlertKeys.ruleVersions())).map(reply -> {
            Map<String, Long> versions = new HashMap<>();
            if (reply != null) {
                for (String tenant : reply.getKeys()) {
                    versions.put(tenant, reply.get(tenant).toLong());
                }
            }
            return versions;
        }).toCompletionStage();
    }

    // ---------------------------------------------------------------- cooldown

    /**
     * Starts the rule's cooldown for the aircraft unless one is running.
     *
     * @return true when no cooldown was running (the rule may trigger), false when one is
     */
    public CompletionStage<Boolean> startCooldown(String tenant, String ruleId, String hex, Duration cooldown) {
        return redis.send(Request.cmd(Command.SET).arg(AlertKeys.cooldown(tenant, ruleId, hex)).arg("1").arg("NX")
                .arg("PX").arg(Math.max(1, cooldown.toMillis())))
                .map(reply -> reply != null).toCompletionStage();
    }

    /** What is left of a running cooldown; zero when none runs. */
    public CompletionStage<Duration> cooldownLeft(String tenant, String ruleId, String hex) {
        return redis.send(Request.cmd(Command.PTTL).arg(AlertKeys.cooldown(tenant, ruleId, hex)))
                .map(reply -> Duration.ofMillis(Math.max(0, reply == null ? 0 : reply.toLong())))
                .toCompletionStage();
    }

    /** Ends a cooldown early: the alert it was started for could not be written and will be retried. */
    public CompletionStage<Void> clearCooldown(String tenant, String ruleId, String hex) {
        return redis.send(Request.cmd(Command.DEL).arg(AlertKeys.cooldown(tenant, ruleId, hex)))
                .<Void>mapEmpty().toCompletionStage();
    }

    // ---------------------------------------------------------------- history

    /** The next alert id of the tenant: 1, 2, … */
    public CompletionStage<Long> nextAlertId(String tenant) {
        return redis.send(Request.cmd(Command.INCR).arg(AlertKeys.alertSequence(tenant)))
                .map(Response::toLong).toCompletionStage();
    }

    /**
     * Adds an alert to the tenant's history, then drops alerts triggered before {@code now - maxAge} and the
     * oldest beyond {@code maxAlerts}. The history's keys expire {@code maxAge} after this call, so a tenant
     * that stops triggering does not keep its history for ever.
     *
     * @return how many alerts were dropped
     */
    public CompletionStage<Integer> recordAlert(String tenant, AlertTriggered alert, int maxAlerts, Duration maxAge,
            Instant now) {
        return redis.send(Request.cmd(Command.EVAL).arg(RECORD_ALERT).arg(3)
                .arg(AlertKeys.history(tenant)).arg(AlertKeys.alerts(tenant)).arg(AlertKeys.acknowledgements(tenant))
                .arg(alert.id()).arg(alert.triggeredAt().toEpochMilli()).arg(Json.encode(alert))
                .arg(now.minus(maxAge).toEpochMilli()).arg(maxAlerts)
                .arg(Math.max(1, maxAge.toMillis())))
                .map(Response::toInteger).toCompletionStage();
    }

    /** Alerts triggered at or after {@code since}, newest first, at most {@code limit}. */
    public CompletionStage<List<AlertHistoryItem>> history(String tenant, Instant since, int limit) {
        return redis.send(Request.cmd(Command.ZREVRANGEBYSCORE).arg(AlertKeys.history(tenant)).arg("+inf")
                .arg(since.toEpochMilli()).arg("LIMIT").arg(0).arg(limit)).compose(ids -> {
                    if (ids == null || ids.size() == 0) {
                        return Future.succeededFuture(List.<AlertHistoryItem>of());
                    }
                    Request alerts = Request.cmd(Command.HMGET).arg(AlertKeys.alerts(tenant));
                    Request acks = Request.cmd(Command.HMGET).arg(AlertKeys.acknowledgements(tenant));
                    for (Response id : ids) {
                        alerts.arg(id.toString());
                        acks.arg(id.toString());
                    }
                    return redis.batch(List.of(alerts, acks)).map(replies -> {
                        List<AlertHistoryItem> items = new ArrayList<>();
                        Response values = replies.get(0);
                        Response ackValues = replies.get(1);
                        for (int i = 0; i < values.size(); i++) {
                            if (values.get(i) == null) {
                                continue; // trimmed between the two reads
                            }
                            Response ack = ackValues.get(i);
                            items.add(new AlertHistoryItem(Json.decode(values.get(i).toBytes(), AlertTriggered.class),
                                    ack == null ? null : Json.decode(ack.toBytes(), AlertAcknowledgement.class)));
                        }
                        return items;
                    });
                }).toCompletionStage();
    }

    /**
     * Acknowledges one alert of the tenant.
     *
     * @return empty when the tenant has no such alert; else the alert, and whether this call acknowledged it
     *         (false: it was acknowledged before)
     */
    public CompletionStage<Optional<Acknowledged>> acknowledge(String tenant, long id, AlertAcknowledgement by) {
        return redis.send(Request.cmd(Command.EVAL).arg(ACKNOWLEDGE_ONE).arg(2)
                .arg(AlertKeys.alerts(tenant)).arg(AlertKeys.acknowledgements(tenant))
                .arg(id).arg(Json.encode(by)))
                .map(reply -> reply == null ? Optional.<Acknowledged>empty()
                        : Optional.of(new Acknowledged(Json.decode(reply.get(1).toBytes(), AlertTriggered.class),
                                reply.get(0).toInteger() == 1)))
                .toCompletionStage();
    }

    /** Acknowledges every unacknowledged alert of the tenant's history; returns those this call acknowledged. */
    public CompletionStage<List<AlertTriggered>> acknowledgeAll(String tenant, AlertAcknowledgement by) {
        return redis.send(Request.cmd(Command.EVAL).arg(ACKNOWLEDGE_ALL).arg(3)
                .arg(AlertKeys.alerts(tenant)).arg(AlertKeys.acknowledgements(tenant)).arg(AlertKeys.history(tenant))
                .arg(Json.encode(by)))
                .map(reply -> {
                    List<AlertTriggered> alerts = new ArrayList<>();
                    if (reply != null) {
                        for (Response alert : reply) {
                            alerts.add(Json.decode(alert.toBytes(), AlertTriggered.class));
                        }
                    }
                    return alerts;
                }).toCompletionStage();
    }

    /** Takes acknowledgements back, when announcing them failed, so the user can retry. */
    public CompletionStage<Void> unacknowledge(String tenant, List<Long> ids) {
        if (ids.isEmpty()) {
            return Future.<Void>succeededFuture().toCompletionStage();
        }
        Request del = Request.cmd(Command.HDEL).arg(AlertKeys.acknowledgements(tenant));
        ids.forEach(del::arg);
        return redis.send(del).<Void>mapEmpty().toCompletionStage();
    }

    /**
     * The outcome of acknowledging one alert.
     *
     * @param alert the alert
     * @param now   true when this call acknowledged it, false when it had been acknowledged before
     */
    public record Acknowledged(AlertTriggered alert, boolean now) {
    }
}
