package io.streamgate.safety.sensors;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The consumer's view of each tenant's rules: read from Redis at most every {@code rule-refresh}, and at
 * once after a change through this replica's API. So a rule changed anywhere takes effect without a restart.
 */
@ApplicationScoped
public class ThresholdRuleCache {

    private record Loaded(List<ThresholdRule> rules, long loadedAt) {
    }

    private final ThresholdStore store;
    private final long refreshNanos;
    private final Map<String, Loaded> tenants = new ConcurrentHashMap<>();

    ThresholdRuleCache(ThresholdStore store, SensorsConfig config) {
        this.store = store;
        this.refreshNanos = config.ruleRefresh().toNanos();
    }

    public List<ThresholdRule> rules(String tenant) {
        long now = System.nanoTime();
        Loaded loaded = tenants.get(tenant);
        if (loaded == null || now - loaded.loadedAt() > refreshNanos) {
            loaded = new Loaded(List.copyOf(store.list(tenant)), now);
            tenants.put(tenant, loaded);
        }
        return loaded.rules();
    }

    public void invalidate(String tenant) {
        tenants.remove(tenant);
    }
}
