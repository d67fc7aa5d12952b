package io.streamgate.stats.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Command;

/**
 * The Redis writes one poll of records causes, collected so that they reach Redis in one round trip and
 * collapsed first: increments of one (key, field) are summed, repeated writes of one hash field or sorted-set
 * member keep only the last (records of one key arrive in order, so the last is the newest), set additions
 * and removals of one member keep the last. A busy poll of thousands of positions becomes a few hundred
 * commands. Every key written gets its TTL, so day and hour counters expire by themselves.
 */
public final class RedisBatch {

    private final Map<String, Map<String, Long>> increments = new LinkedHashMap<>();
    /** key → field → value, or empty for HDEL. */
    private final Map<String, Map<String, Optional<String>>> hashes = new LinkedHashMap<>();
    private final Map<String, Map<String, Double>> zsets = new LinkedHashMap<>();
    /** key → member → true for SADD, false for SREM. */
    private final Map<String, Map<String, Boolean>> sets = new LinkedHashMap<>();
    private final Map<String, Set<String>> hyperLogLogs = new LinkedHashMap<>();
    private final List<Request> lists = new ArrayList<>();
    private final Map<String, Long> ttls = new LinkedHashMap<>();
    private final Set<String> tenants = new LinkedHashSet<>();

    /** Registers a tenant the publisher must compute figures for. */
    public void tenant(String tenant) {
        tenants.add(tenant);
    }

    public void hincrby(String key, String field, long by, Duration ttl) {
        increments.computeIfAbsent(key, k -> new LinkedHashMap<>()).merge(field, by, Long::sum);
        ttl(key, ttl);
    }

    public void hset(String key, String field, String value, Duration ttl) {
        hashes.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(field, Optional.of(value));
        ttl(key, ttl);
    }

    public void hdel(String key, String field) {
        hashes.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(field, Optional.empty());
    }

    public void zadd(String key, double score, String member, Duration ttl) {
        zsets.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(member, score);
        ttl(key, ttl);
    }

    public void sadd(String key, String member, Duration ttl) {
        sets.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(member, true);
        ttl(key, ttl);
    }

    public void srem(String key, String member) {
        sets.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(member, false);
    }

    public void pfadd(String key, String member, Duration ttl) {
        hyperLogLogs.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(member);
        ttl(key, ttl);
    }

    /** Pushes onto a list and keeps its newest {@code keep} entries. */
    public void lpushCapped(String key, String value, int keep, Duration ttl) {
        lists.add(Request.cmd(Command.LPUSH).arg(key).arg(value));
        lists.add(Request.cmd(Command.LTRIM).arg(key).arg(0).arg(keep - 1));
        ttl(key, ttl);
    }

    private void ttl(String key, Duration ttl) {
        if (ttl != null) {
            ttls.merge(key, Math.max(1, ttl.toSeconds()), Math::max);
        }
    }

    public boolean isEmpty() {
        return requests().isEmpty();
    }

    public List<Request> requests() {
        List<Request> all = new ArrayList<>();
        hashes.forEach((key, fields) -> fields.forEach((field, value) -> all.add(value.isPresent()
                ? Request.cmd(Command.HSET).arg(key).arg(field).arg(value.get())
                : Request.cmd(Command.HDEL).arg(key).arg(field))));
        zsets.forEach((key, members) -> members.forEach(
                (member, score) -> all.add(Request.cmd(Command.ZADD).arg(key).arg(score).arg(member))));
        sets.forEach((key, members) -> members.forEach((member, add) -> all.add(
                Request.cmd(add ? Command.SADD : Command.SREM).arg(key).arg(member))));
        hyperLogLogs.forEach((key, members) -> {
            Request pfadd = Request.cmd(Command.PFADD).arg(key);
            members.forEach(pfadd::arg);
            all.add(pfadd);
        });
        all.addAll(lists);
        increments.forEach((key, fields) -> fields.forEach(
                (field, by) -> all.add(Request.cmd(Command.HINCRBY).arg(key).arg(field).arg(by))));
        ttls.forEach((key, seconds) -> all.add(Request.cmd(Command.EXPIRE).arg(key).arg(seconds)));
        for (String tenant : tenants) {
            all.add(Request.cmd(Command.SADD).arg(StatsKeys.TENANTS).arg(tenant));
        }
        return all;
    }
}
