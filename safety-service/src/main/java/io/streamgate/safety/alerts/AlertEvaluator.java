package io.streamgate.safety.alerts;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

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
import io.streamgate.platform.topic.Topics;

/**
 * Reads {@code aircraft.positions} in its own consumer group, evaluates each position against the enabled
 * rules of its tenant ({@code ce_tenant}) and, for each match whose cooldown is not running, writes an
 * {@code alert.triggered} to {@code alerts.triggered} and adds it to the tenant's history. Offsets are
 * committed once every alert of a poll is acknowledged by the broker and stored.
 *
 * <p>Cooldowns are Redis keys with a TTL (one per rule and aircraft), so replicas and restarts agree; a
 * local copy of "cooling until" keeps a matching aircraft from costing a Redis call on every position.
 * Rules are reloaded between polls when their change counter in Redis moved
 * ({@link AlertsConfig.Rules#refreshInterval()}).
 */
@ApplicationScoped
public class AlertEvaluator {

    private static final Logger LOG = Logger.getLogger(AlertEvaluator.class);

    private final String bootstrapServers;
    private final AlertsConfig config;
    private final RedisAlertStore store;
    private final AlertWriter writer;
    private final AlertMetrics metrics;
    private final AtomicBoolean running = new AtomicBoolean();
    private final RuleIndex rules = new RuleIndex();
    /** tenant/rule/hex → epoch millis until which the rule is known to be cooling down for the aircraft. */
    private final Map<CooldownKey, Long> coolingUntil = new HashMap<>();
    private volatile KafkaConsumer<String, byte[]> consumer;
    private Thread thread;
    private long nextRefresh;

    AlertEvaluator(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers, AlertsConfig config,
            RedisAlertStore store, AlertWriter writer, AlertMetrics metrics) {
        this.bootstrapServers = bootstrapServers;
        this.config = config;
        this.store = store;
        this.writer = writer;
        this.metrics = metrics;
    }

    void start(@Observes StartupEvent started) {
        if (!config.enabled()) {
            LOG.info("rule alert evaluator disabled");
            return;
        }
        running.set(true);
        thread = new Thread(this::run, "safety-alerts-evaluator");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        Map<String, Object> props = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, config.consumer().groupId(),
                ConsumerConfig.CLIENT_ID_CONFIG, "safety-alerts-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, config.consumer().autoOffsetReset(),
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.consumer().maxPollRecords(),
                ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
        while (running.get()) {
            try (KafkaConsumer<String, byte[]> kafka = new KafkaConsumer<>(props, new StringDeserializer(),
                    new ByteArrayDeserializer())) {
                consumer = kafka;
                coolingUntil.clear();
                kafka.subscribe(List.of(Topics.AIRCRAFT_POSITIONS.name()));
                while (running.get()) {
                    refreshIfDue();
                    ConsumerRecords<String, byte[]> records = kafka.poll(config.consumer().pollTimeout());
                    if (!records.isEmpty()) {
                        process(records);
                        kafka.commitAsync();
                    }
                }
            } catch (WakeupException stopping) {
                return;
            } catch (RuntimeException e) {
                // Offsets of the failed poll are not committed: the next consumer reads it again.
                LOG.errorf("alert evaluator failed (%s: %s); reconnecting", e.getClass().getSimpleName(),
                        e.getMessage());
                nextRefresh = 0;
                if (!pause()) {
                    return;
                }
            }
        }
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

    private void process(ConsumerRecords<String, byte[]> records) {
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

    private boolean pause() {
        try {
            Thread.sleep(1_000);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.set(false);
            return false;
        }
    }

    void stop(@Observes ShutdownEvent stopping) {
        running.set(false);
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** One rule's cooldown for one aircraft. */
    private record CooldownKey(String tenant, String ruleId, String hex) {
    }
}
