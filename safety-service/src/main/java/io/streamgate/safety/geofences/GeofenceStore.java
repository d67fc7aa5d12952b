package io.streamgate.safety.geofences;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.hash.HashCommands;
import io.quarkus.redis.datasource.set.SetCommands;
import io.streamgate.platform.devices.GeofenceDefinition;
import io.streamgate.platform.json.Json;

/** Geofence definitions and each device's inside set, in Redis. */
@ApplicationScoped
public class GeofenceStore {

    private final RedisDataSource redis;
    private final HashCommands<String, String, String> hashes;
    private final SetCommands<String, String> sets;

    GeofenceStore(RedisDataSource redis) {
        this.redis = redis;
        this.hashes = redis.hash(String.class);
        this.sets = redis.set(String.class);
    }

    /** The tenant's fences, oldest first. */
    public List<GeofenceDefinition> list(String tenant) {
        Map<String, String> all = hashes.hgetall(GeofenceKeys.fences(tenant));
        List<GeofenceDefinition> fences = new ArrayList<>(all.size());
        all.values().forEach(json -> fences.add(decode(json)));
        fences.sort(Comparator.comparing(GeofenceDefinition::createdAt,
                Comparator.nullsFirst(Comparator.naturalOrder())).thenComparing(GeofenceDefinition::id));
        return fences;
    }

    public Optional<GeofenceDefinition> get(String tenant, String id) {
        return Optional.ofNullable(hashes.hget(GeofenceKeys.fences(tenant), id)).map(GeofenceStore::decode);
    }

    public long count(String tenant) {
        return hashes.hlen(GeofenceKeys.fences(tenant));
    }

    public void put(String tenant, GeofenceDefinition fence) {
        hashes.hset(GeofenceKeys.fences(tenant), fence.id(), new String(Json.encode(fence), StandardCharsets.UTF_8));
    }

    public boolean delete(String tenant, String id) {
        return hashes.hdel(GeofenceKeys.fences(tenant), id) == 1;
    }

    /** True exactly once per tenant: whoever gets true seeds the tenant's default fences. */
    public boolean claimSeed(String tenant) {
        return redis.value(String.class).setnx(GeofenceKeys.seeded(tenant), "1");
    }

    public Set<String> inside(String tenant, String device) {
        return sets.smembers(GeofenceKeys.inside(tenant, device));
    }

    public void entered(String tenant, String device, String fence) {
        sets.sadd(GeofenceKeys.inside(tenant, device), fence);
    }

    public void left(String tenant, String device, String fence) {
        sets.srem(GeofenceKeys.inside(tenant, device), fence);
    }

    private static GeofenceDefinition decode(String json) {
        return Json.decode(json.getBytes(StandardCharsets.UTF_8), GeofenceDefinition.class);
    }
}
