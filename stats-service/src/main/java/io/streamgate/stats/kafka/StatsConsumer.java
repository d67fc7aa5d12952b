package io.streamgate.stats.kafka;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

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

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.streamgate.platform.event.EventEnvelope;
import io.streamgate.platform.event.KafkaBinaryBinding;
import io.streamgate.platform.event.MalformedEventException;
import io.streamgate.stats.StatsConfig;
import io.streamgate.stats.StatsMetrics;
import io.streamgate.stats.store.RedisBatch;
import io.streamgate.stats.store.RedisReads;
import io.streamgate.stats.window.MinuteWindows;

/**
 * Reads every input topic in the consumer group {@code stats-service}, so replicas split the partitions, hands
 * each record to the {@link Recorder} of its topic, writes the poll's Redis batch in one round trip and only
 * then commits the offsets: a crash reads the poll again (at least once). Set-like state (hash fields, set
 * members, HyperLogLogs) is idempotent under such a replay; {@code HINCRBY} counters may count the replayed
 * records twice.
 */
@ApplicationScoped
public class StatsConsumer {

    private static final Logger LOG = Logger.getLogger(StatsConsumer.class);

    private final String bootstrapServers;
    private final StatsConfig config;
    private final Map<String, Recorder> byTopic = new HashMap<>();
    private final RedisReads redis;
    private final MinuteWindows windows;
    private final StatsMetrics metrics;
    private final MeterRegistry registry;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile KafkaConsumer<String, byte[]> consumer;
    private Thread thread;

    StatsConsumer(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers, StatsConfig config,
            Instance<Recorder> recorders, RedisReads redis, MinuteWindows windows, StatsMetrics metrics,
            MeterRegistry registry) {
        this.bootstrapServers = bootstrapServers;
        this.config = config;
        recorders.forEach(recorder -> recorder.topics().forEach(topic -> {
            if (byTopic.put(topic, recorder) != null) {
                throw new IllegalStateException("two recorders for " + topic);
            }
        }));
        this.redis = redis;
        this.windows = windows;
        this.metrics = metrics;
        this.registry = registry;
    }

    void start(@Observes StartupEvent started) {
        start();
    }

    public synchronized void start() {
        running.set(true);
        thread = new Thread(this::run, "stats-consumer");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        Map<String, Object> props = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, config.consumer().groupId(),
                ConsumerConfig.CLIENT_ID_CONFIG, "stats-service-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, config.consumer().autoOffsetReset(),
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.consumer().maxPollRecords(),
                ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
        while (running.get()) {
            try (KafkaConsumer<String, byte[]> kafka = new KafkaConsumer<>(props, new StringDeserializer(),
                    new ByteArrayDeserializer()); KafkaClientMetrics kafkaMetrics = new KafkaClientMetrics(kafka)) {
                consumer = kafka;
                kafkaMetrics.bindTo(registry);
                kafka.subscribe(List.copyOf(byTopic.keySet()));
                while (running.get()) {
                    ConsumerRecords<String, byte[]> records = kafka.poll(config.consumer().pollTimeout());
                    if (!records.isEmpty()) {
                        process(records);
                        kafka.commitSync();
                    }
                }
            } catch (WakeupException stopping) {
                return;
            } catch (RuntimeException e) {
                // Nothing of the failed poll was committed: the next consumer reads it again.
                metrics.failed("consume");
                LOG.errorf("stats consumer failed (%s: %s); reconnecting", e.getClass().getSimpleName(),
                        e.getMessage());
                if (!pause()) {
                    return;
                }
            }
        }
    }

    private void process(ConsumerRecords<String, byte[]> records) {
        RedisBatch batch = new RedisBatch();
        long received = System.currentTimeMillis();
        List<String> topics = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            Recorder recorder = byTopic.get(record.topic());
            try {
                recorder.record(incoming(record, received), batch);
                topics.add(record.topic());
            } catch (MalformedEventException | UncheckedIOException | IllegalArgumentException e) {
                metrics.malformed(record.topic());
                LOG.debugf("skipped %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), e.getMessage());
            }
        }
        long started = System.nanoTime();
        redis.write(batch);
        metrics.flushed(System.nanoTime() - started);
        topics.forEach(metrics::recorded);
    }

    private static Incoming incoming(ConsumerRecord<String, byte[]> record, long received) {
        if (record.value() == null && KafkaBinaryBinding.get(record.headers(), KafkaBinaryBinding.TYPE) == null) {
            // A compaction tombstone may come without CloudEvents headers: the recorder reads the key.
            return new Incoming(record.topic(), record.partition(), record.key(),
                    KafkaBinaryBinding.get(record.headers(), KafkaBinaryBinding.TENANT), null,
                    Instant.ofEpochMilli(record.timestamp()), null, received);
        }
        EventEnvelope envelope = KafkaBinaryBinding.read(record.headers());
        return new Incoming(record.topic(), record.partition(), record.key(), envelope.tenant(), envelope.type(),
                envelope.time(), record.value(), received);
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

    /**
     * Stops consuming: leaves the group after committing what was written, and forgets the in-memory minute
     * windows, as a process restart would. {@link #start()} joins again from the committed offsets.
     */
    public synchronized void stop() {
        running.set(false);
        if (thread != null) {
            try {
                // The loop ends after its current poll, written and committed: a wakeup now could interrupt
                // the commit of a batch Redis already counted, and the restart would count it again.
                thread.join(config.consumer().pollTimeout().toMillis() + 10_000);
                KafkaConsumer<String, byte[]> current = consumer;
                if (thread.isAlive() && current != null) {
                    current.wakeup();
                    thread.join(5_000);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
        consumer = null;
        windows.clear();
    }

    /** Stop then start: what a restart does to the aggregation component. */
    public void restart() {
        stop();
        start();
    }

    void stop(@Observes ShutdownEvent stopping) {
        stop();
    }
}
