package io.streamgate.safety.sensors;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.hash.HashCommands;
import io.streamgate.platform.json.Json;

/** Threshold rules in Redis, one hash per tenant; every replica reads the same rules. */
@ApplicationScoped
public class ThresholdStore {

    private final RedisDataSource redis;
    private final HashCommands<String, String, String> hashes;

    ThresholdStore(RedisDataSource redis) {
        this.redis = redis;
        this.hashes = redis.hash(String.class);
    }

    /** The tenant's rules, oldest first. */
    public List<ThresholdRule> list(String tenant) {
        Map<String, String> all = hashes.hgetall(TenantKeys.thresholds(tenant));
        List<ThresholdRule> rules = new ArrayList<>(all.size());
        all.values().forEach(json -> rules.add(decode(json)));
        rules.sort(Comparator.comparing(ThresholdRule::createdAt).thenComparing(ThresholdRule::id));
        return rules;
    }

    public Optional<ThresholdRule> get(String tenant, String id) {
        return Optional.ofNullable(hashes.hget(TenantKeys.thresholds(tenant), id)).map(ThresholdStore::decode);
    }

    public long count(String tenant) {
        return hashes.hlen(TenantKeys.thresholds(tenant));
    }

    public void put(String tenant, ThresholdRule rule) {
        hashes.hset(TenantKeys.thresholds(tenant), rule.id(), new String(Json.encode(rule), StandardCharsets.UTF_8));
    }

    public boolean delete(String tenant, String id) {
        return hashes.hdel(TenantKeys.thresholds(tenant), id) == 1;
    }

    /** True exactly once per tenant: whoever gets true seeds the tenant's default rules. */
    public boolean claimSeed(String tenant) {
        return redis.value(String.class).setnx(TenantKeys.thresholdsSeeded(tenant), "1");
    }

    private static ThresholdRule decode(String json) {
        return Json.decode(json.getBytes(StandardCharsets.UTF_8), ThresholdRule.class);
    }
}
