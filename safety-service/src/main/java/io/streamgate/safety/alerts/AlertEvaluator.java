package io.streamgate.safety.alerts;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.streamgate.platform.alerts.AlertTriggered;
import io.streamgate.platform.alerts.RedisAlertStore;
import io.streamgate.platform.aviation.AircraftPosition;
import io.streamgate.platform.event.EventEnvelope;
import io.streamgate.platform.event.EventTypes;
import io.streamgate.platform.event.KafkaBinaryBinding;
import io.streamgate.platform.event.MalformedEventException;
import io.streamgate.platform.json.Json;
import io.streamgate.platform.kafka.ConsumerLoop;
import io.streamgate.platform.kafka.KafkaClients;
import io.streamgate.platform.topic.Topics;
import io.streamgate.safety.consumer.GroupConsumers;

/**
 * Reads {@code aircraft.positions} in its own consumer group, evaluates each position against the enabled
 * rules of its tenant ({@code ce_tenant}) and, for each match whose cooldown is not running, writes an
 * {@code alert.triggered} to {@code alerts.triggered} and adds it to the tenant's history. Offsets are
 * committed once every alert of a poll is acknowledged by the broker and stored.
 *
 * <p>Cooldowns are Redis keys with a TTL (one per rule and aircraft), so replicas and restarts agree; a
 * local copy of "cooling until" keeps a matching aircraft from costing a Redis call on every position.
 * Rules are reloaded between polls when their change counter in Redis moved
 * ({@link AlertsConfig.Rules#refreshInterval()}). The consumer thread, commits and reconnects are the
 * platform's {@link ConsumerLoop}.
 */
@ApplicationScoped
public class AlertEvaluator implements ConsumerLoop.Handler {

    private static final Logger LOG = Logger.getLogger(AlertEvaluator.class);

    private final AlertsConfig config;
    private final RedisAlertStore store;
    private final AlertWriter writer;
    private final AlertMetrics metrics;
    private final ConsumerLoop loop;
    private final RuleIndex rules = new RuleIndex();
    /** tenant/rule/hex → epoch millis until which the rule is known to be cooling down for the aircraft. */
    private final Map<CooldownKey, Long> coolingUntil = new HashMap<>();
    private long nextRefresh;

    AlertEvaluator(KafkaClients kafka, AlertsConfig config, RedisAlertStore store, AlertWriter writer,
            AlertMetrics metrics, MeterRegistry registry) {
        this.config = config;
        this.store = store;
        this.writer = writer;
        this.metrics = metrics;
        this.loop = GroupConsumers.loop("safety-alerts-evaluator", "safety-alerts-evaluator",
                Topics.AIRCRAFT_POSITIONS, config.consumer(), this, kafka, registry);
    }

    void start(@Observes StartupEvent started) {
        if (!config.enabled()) {
            LOG.info("rule alert evaluator disabled");
            return;
        }
        loop.start();
    }

    void stop(@Observes ShutdownEvent stopping) {
        loop.stop();
    }

    @Override
    public void tick(Instant now) {
        refreshIfDue();
    }

    /** The poll is read again by a new consumer: rules and cooldowns are looked up afresh. */
    @Override
    public void failed(RuntimeException cause) {
        nextRefresh = 0;
        coolingUntil.clear();
    }

    private void refreshIfDue() {
        long now = System.currentTimeMillis();
        if (now < nextRefresh) {
            return;
        }
        Duration timeout = config.timeout();
        Map<String, Long> versions = Unavailable.await("redis", store.ruleVersions(), timeout);
        List<String> reloaded = rules.refresh(versions,
                tenant -> Unavailable.await("redis", store.listRules(tenant), timeout));
        if (!reloaded.isEmpty()) {
            LOG.debugf("alert rules reloaded for tenants %s", reloaded);
            metrics.rulesLoaded(rules.size());
        }
        coolingUntil.values().removeIf(until -> until <= now);
        nextRefresh = now + config.rules().refreshInterval().toMillis();
    }

    @Override
    public void process(ConsumerRecords<String, byte[]> records) {
        // Rules are loaded before the first poll's records are evaluated, not only after it.
        refreshIfDue();
        List<CompletableFuture<?>> pending = new ArrayList<>();
        List<CooldownKey> cooldownsStarted = new ArrayList<>();
        try {
            for (ConsumerRecord<String, byte[]> record : records) {
                evaluate(record, pending, cooldownsStarted);
            }
            awaitAll(pending);
        } catch (RuntimeException e) {
            // The poll is read again: let its matches trigger again rather than be lost to their cooldown.
            for (CooldownKey key : cooldownsStarted) {
                coolingUntil.remove(key);
                store.clearCooldown(key.tenant(), key.ruleId(), key.hex());
            }
            throw e;
        }
    }

    private void evaluate(ConsumerRecord<String, byte[]> record, List<CompletableFuture<?>> pending,
            List<CooldownKey> cooldownsStarted) {
        EventEnvelope envelope;
        AircraftPosition position;
        try {
            envelope = KafkaBinaryBinding.read(record.headers());
            if (!EventTypes.AIRCRAFT_POSITION.equals(envelope.type()) || record.value() == null) {
                metrics.malformed();
                return;
            }
            position = Json.decode(record.value(), AircraftPosition.class);
        } catch (MalformedEventException | UncheckedIOException | IllegalArgumentException e) {
            metrics.malformed();
            return;
        }
        String tenant = envelope.tenant();
        long started = System.nanoTime();
        List<RuleMatcher> matched = new ArrayList<>(0);
        for (RuleMatcher rule : rules.rules(tenant)) {
            if (rule.matches(position)) {
                matched.add(rule);
            }
        }
        metrics.evaluated(System.nanoTime() - started);
        for (RuleMatcher rule : matched) {
            CooldownKey key = new CooldownKey(tenant, rule.rule().id(), position.hex());
            long now = System.currentTimeMillis();
            Long until = coolingUntil.get(key);
            if (until != null && until > now) {
                metrics.suppressed();
                continue;
            }
            Duration timeout = config.timeout();
            if (!Unavailable.await("redis",
                    store.startCooldown(tenant, rule.rule().id(), position.hex(), rule.cooldown()), timeout)) {
                Duration left = Unavailable.await("redis",
                        store.cooldownLeft(tenant, rule.rule().id(), position.hex()), timeout);
                coolingUntil.put(key, now + left.toMillis());
                metrics.suppressed();
                continue;
            }
            coolingUntil.put(key, now + rule.cooldown().toMillis());
            cooldownsStarted.add(key);
            long id = Unavailable.await("redis", store.nextAlertId(tenant), timeout);
            AlertTriggered alert = Alerts.of(id, rule.rule(), position, Instant.ofEpochMilli(now));
            pending.add(writer.triggered(tenant, alert));
            pending.add(store.recordAlert(tenant, alert, config.history().maxPerTenant(), config.history().maxAge(),
                    alert.triggeredAt()).toCompletableFuture());
            metrics.triggered(alert.priority());
            LOG.infof("alert %d of tenant %s: rule %s matched %s", id, tenant, rule.rule().id(), position.hex());
        }
    }

    private void awaitAll(List<CompletableFuture<?>> pending) {
        if (pending.isEmpty()) {
            return;
        }
        try {
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new))
                    .get(config.producer().deliveryTimeout().toMillis() + 5_000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new IllegalStateException("alerts were not stored and acknowledged: " + cause, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WakeupException();
        }
    }

    /** One rule's cooldown for one aircraft. */
    private record CooldownKey(String tenant, String ruleId, String hex) {
    }
}
