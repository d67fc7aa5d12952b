package io.streamgate.safety.alerts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.jboss.logging.Logger;

import io.streamgate.platform.alerts.AlertRule;

/**
 * The enabled rules of every tenant, compiled, as the evaluator sees them. {@link #refresh} compares the
 * per-tenant change counters in Redis with those of the last load and reloads only the tenants whose
 * counter moved (a new, changed or deleted rule), so an idle refresh costs one small Redis read.
 *
 * <p>Owned by the evaluator thread; not thread-safe.
 */
final class RuleIndex {

    private static final Logger LOG = Logger.getLogger(RuleIndex.class);

    private final Map<String, Long> loadedVersions = new HashMap<>();
    private final Map<String, List<RuleMatcher>> byTenant = new HashMap<>();

    /** The tenant's enabled rules; empty for a tenant without any. */
    List<RuleMatcher> rules(String tenant) {
        return byTenant.getOrDefault(tenant, List.of());
    }

    int size() {
        return byTenant.values().stream().mapToInt(List::size).sum();
    }

    /**
     * @param versions     tenant → change counter, as in Redis now
     * @param rulesOfTenant reads one tenant's rules
     * @return the tenants reloaded
     */
    List<String> refresh(Map<String, Long> versions, Function<String, List<AlertRule>> rulesOfTenant) {
        List<String> reloaded = new ArrayList<>();
        for (Map.Entry<String, Long> entry : versions.entrySet()) {
            String tenant = entry.getKey();
            if (entry.getValue().equals(loadedVersions.get(tenant))) {
                continue;
            }
            List<RuleMatcher> compiled = new ArrayList<>();
            for (AlertRule rule : rulesOfTenant.apply(tenant)) {
                if (!rule.enabled()) {
                    continue;
                }
                try {
                    compiled.add(new RuleMatcher(rule));
                } catch (RuntimeException e) {
                    // Written by something that skipped validation: skip the rule, keep the others.
                    LOG.warnf("alert rule %s of tenant %s cannot be evaluated: %s", rule.id(), tenant, e.toString());
                }
            }
            if (compiled.isEmpty()) {
                byTenant.remove(tenant);
            } else {
                byTenant.put(tenant, List.copyOf(compiled));
            }
            loadedVersions.put(tenant, entry.getValue());
            reloaded.add(tenant);
        }
        return reloaded;
    }
}
