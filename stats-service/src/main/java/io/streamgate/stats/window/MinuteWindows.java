package io.streamgate.stats.window;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The in-memory sliding minute windows of this replica, per (tenant, metric): message rates, distinct
 * aircraft, job completions. They cover only the partitions this replica consumes; {@link WindowContributions}
 * adds up the replicas. Lost on restart by design: after a restart the rates read low for up to a minute.
 */
@ApplicationScoped
public class MinuteWindows {

    private record Key(String tenant, String metric) {
    }

    private final Map<Key, SlidingCount> counts = new ConcurrentHashMap<>();
    private final Map<Key, SlidingDistinct> distincts = new ConcurrentHashMap<>();

    public void count(String tenant, String metric, long epochMillis, long n) {
        counts.computeIfAbsent(new Key(tenant, metric), k -> new SlidingCount()).add(epochMillis, n);
    }

    public void distinct(String tenant, String metric, String member, long epochMillis) {
        distincts.computeIfAbsent(new Key(tenant, metric), k -> new SlidingDistinct()).add(member, epochMillis);
    }

    public Set<String> tenants() {
        Set<String> tenants = new java.util.HashSet<>();
        counts.keySet().forEach(k -> tenants.add(k.tenant()));
        distincts.keySet().forEach(k -> tenants.add(k.tenant()));
        return tenants;
    }

    /** This replica's value of every metric of {@code tenant} now. */
    public Map<String, Long> snapshot(String tenant, long epochMillis) {
        Map<String, Long> values = new TreeMap<>();
        counts.forEach((key, window) -> {
            if (key.tenant().equals(tenant)) {
                values.put(key.metric(), window.sum(epochMillis));
            }
        });
        distincts.forEach((key, window) -> {
            if (key.tenant().equals(tenant)) {
                values.put(key.metric(), window.count(epochMillis));
            }
        });
        return values;
    }

    /** Forgets everything, as a restart would. */
    public void clear() {
        counts.clear();
        distincts.clear();
    }
}
