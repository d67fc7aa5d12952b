package io.streamgate.safety.geofences;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The consumer's index of each tenant's active fences: rebuilt from Redis at most every {@code fence-refresh},
 * and at once after a change through this replica's API.
 */
@ApplicationScoped
public class GeofenceCache {

    private record Loaded(FenceIndex index, long loadedAt) {
    }

    private final GeofenceStore store;
    private final GeofencesConfig config;
    private final Map<String, Loaded> tenants = new ConcurrentHashMap<>();

    GeofenceCache(GeofenceStore store, GeofencesConfig config) {
        this.store = store;
        this.config = config;
    }

    public FenceIndex fences(String tenant) {
        long now = System.nanoTime();
        Loaded loaded = tenants.get(tenant);
        if (loaded == null || now - loaded.loadedAt() > config.fenceRefresh().toNanos()) {
            loaded = new Loaded(new FenceIndex(store.list(tenant), config.cellDegrees(), config.hysteresisM(),
                    config.maxCellsPerFence()), now);
            tenants.put(tenant, loaded);
        }
        return loaded.index();
    }

    public void invalidate(String tenant) {
        tenants.remove(tenant);
    }
}
