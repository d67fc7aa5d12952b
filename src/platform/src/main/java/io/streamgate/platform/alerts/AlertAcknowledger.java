package io.streamgate.platform.alerts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Acknowledges alerts the one way every service does it (safety-service's REST API, the gateway's
 * {@code acknowledge-alert} requests): stored in Redis first, then announced as
 * {@code alert.acknowledged} — one record per rule, as {@code alerts.triggered} is keyed by rule id.
 * When the announcement fails the acknowledgements are taken back, so a retry announces them.
 */
public final class AlertAcknowledger {

    /** Writes one {@code alert.acknowledged} record; completes once the broker has it. */
    @FunctionalInterface
    public interface Announcer {
        CompletionStage<Void> announce(String tenant, String ruleId, AlertAcknowledged acknowledged);
    }

    private final RedisAlertStore store;
    private final Announcer announcer;

    public AlertAcknowledger(RedisAlertStore store, Announcer announcer) {
        this.store = store;
        this.announcer = announcer;
    }

    /**
     * @return empty when the tenant has no such alert; else the ids this call acknowledged (none when it
     *         had been acknowledged before)
     */
    public CompletionStage<Optional<AlertAcknowledged>> acknowledge(String tenant, long id, AlertAcknowledgement by) {
        return store.acknowledge(tenant, id, by).thenCompose(result -> {
            if (result.isEmpty()) {
                return CompletableFuture.completedFuture(Optional.<AlertAcknowledged>empty());
            }
            List<AlertTriggered> now = result.get().now() ? List.of(result.get().alert()) : List.of();
            return announce(tenant, now, by).thenApply(Optional::of);
        });
    }

    /** Acknowledges every alert of the tenant's history not acknowledged before; returns their ids. */
    public CompletionStage<AlertAcknowledged> acknowledgeAll(String tenant, AlertAcknowledgement by) {
        return store.acknowledgeAll(tenant, by).thenCompose(now -> announce(tenant, now, by));
    }

    private CompletionStage<AlertAcknowledged> announce(String tenant, List<AlertTriggered> alerts,
            AlertAcknowledgement by) {
        List<Long> ids = alerts.stream().map(AlertTriggered::id).sorted().toList();
        AlertAcknowledged all = new AlertAcknowledged(ids, by.acknowledgedBy(), by.acknowledgedAt());
        if (alerts.isEmpty()) {
            return CompletableFuture.completedFuture(all);
        }
        Map<String, List<Long>> byRule = new LinkedHashMap<>();
        alerts.forEach(a -> byRule.computeIfAbsent(a.ruleId(), r -> new ArrayList<>()).add(a.id()));
        List<CompletableFuture<Void>> writes = new ArrayList<>();
        byRule.forEach((rule, ruleIds) -> writes.add(announcer.announce(tenant, rule,
                new AlertAcknowledged(ruleIds, by.acknowledgedBy(), by.acknowledgedAt())).toCompletableFuture()));
        CompletableFuture<AlertAcknowledged> done = new CompletableFuture<>();
        CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).whenComplete((ok, failure) -> {
            if (failure == null) {
                done.complete(all);
            } else {
                store.unacknowledge(tenant, ids).whenComplete((x, y) -> done.completeExceptionally(failure));
            }
        });
        return done;
    }
}
