package io.streamgate.gateway.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.quarkus.runtime.StartupEvent;

/**
 * Reads every partition of every topic a view needs, with manual assignment: no consumer group, so
 * every gateway replica sees every record and scaling out never triggers a rebalance. Records are
 * handed to the views on the engine thread; the next poll waits until they are applied, so a slow
 * engine slows consumption instead of queueing without bound.
 */
@ApplicationScoped
public class BroadcastConsumer {

    private static final Logger LOG = Logger.getLogger(BroadcastConsumer.class);

    private final String bootstrapServers;
    private final EngineConfig config;
    private final EngineLoop loop;
    private final List<TopicHandler> handlers = new ArrayList<>();
    private final MeterRegistry registry;
    private final AtomicBoolean running = new AtomicBoolean();
    private final Map<TopicPartition, Long> warmUntil = new HashMap<>();
    private volatile boolean warm;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private Thread thread;

    BroadcastConsumer(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers, EngineConfig config,
            EngineLoop loop, @Any Instance<TopicHandler> handlers, MeterRegistry registry) {
        this.bootstrapServers = bootstrapServers;
        this.config = config;
        this.loop = loop;
        handlers.forEach(this.handlers::add);
        this.registry = registry;
    }

    void start(@Observes StartupEvent started) {
        running.set(true);
        thread = new Thread(this::run, "gateway-broadcast-consumer");
        thread.setDaemon(true);
        thread.start();
    }

    /** True once every partition was read up to where it ended when the gateway started. */
    public boolean isWarm() {
        return warm;
    }

    private void run() {
        Map<String, Object> props = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.CLIENT_ID_CONFIG, "gateway-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        while (running.get()) {
            try (KafkaConsumer<String, byte[]> kafka = new KafkaConsumer<>(props, new StringDeserializer(),
                    new ByteArrayDeserializer()); KafkaClientMetrics metrics = new KafkaClientMetrics(kafka)) {
                consumer = kafka;
                metrics.bindTo(registry);
                Map<String, TopicHandler> byTopic = assign(kafka);
                while (running.get()) {
                    ConsumerRecords<String, byte[]> records = kafka.poll(config.pollTimeout());
                    if (!records.isEmpty()) {
                        dispatch(records, byTopic);
                    }
                    if (!warm) {
                        warm = caughtUp(kafka);
                    }
                }
            } catch (WakeupException stopping) {
                return;
            } catch (RuntimeException e) {
                LOG.errorf(e, "broadcast consumer failed; reconnecting");
                pause();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private Map<String, TopicHandler> assign(KafkaConsumer<String, byte[]> kafka) {
        Map<String, TopicHandler> byTopic = new HashMap<>();
        List<TopicPartition> partitions = new ArrayList<>();
        Map<TopicPartition, Long> lookbackTimes = new HashMap<>();
        List<TopicPartition> fromStart = new ArrayList<>();
        Instant now = Instant.now();
        for (TopicHandler handler : handlers) {
            String topic = handler.topic().name();
            byTopic.put(topic, handler);
            for (var info : kafka.partitionsFor(topic, Duration.ofSeconds(30))) {
                TopicPartition partition = new TopicPartition(topic, info.partition());
                partitions.add(partition);
                if (handler.startPosition() instanceof StartPosition.Lookback lookback) {
                    lookbackTimes.put(partition, now.minus(lookback.window()).toEpochMilli());
                } else {
                    fromStart.add(partition);
                }
            }
        }
        kafka.assign(partitions);
        Map<TopicPartition, Long> ends = kafka.endOffsets(partitions);
        kafka.seekToBeginning(fromStart);
        Map<TopicPartition, OffsetAndTimestamp> found = kafka.offsetsForTimes(lookbackTimes);
        lookbackTimes.keySet().forEach(p -> {
            OffsetAndTimestamp offset = found.get(p);
            kafka.seek(p, offset == null ? ends.get(p) : offset.offset());
        });
        warmUntil.clear();
        warmUntil.putAll(ends);
        for (TopicHandler handler : handlers) {
            Map<Integer, Long> starts = new HashMap<>();
            for (TopicPartition partition : partitions) {
                if (partition.topic().equals(handler.topic().name())) {
                    starts.put(partition.partition(), kafka.position(partition));
                }
            }
            try {
                loop.submit(() -> {
                    handler.onAssigned(starts);
                    return null;
                }).get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("view " + handler.getClass().getSimpleName() + " refused its start", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while starting views", e);
            }
        }
        LOG.infof("broadcast consumer assigned %d partitions of %s", partitions.size(), byTopic.keySet());
        return byTopic;
    }

    private boolean caughtUp(KafkaConsumer<String, byte[]> kafka) {
        for (Map.Entry<TopicPartition, Long> end : warmUntil.entrySet()) {
            if (kafka.position(end.getKey()) < end.getValue()) {
                return false;
            }
        }
        LOG.info("engine views are warm");
        return true;
    }

    private void dispatch(ConsumerRecords<String, byte[]> records, Map<String, TopicHandler> byTopic)
            throws InterruptedException {
        for (TopicPartition partition : records.partitions()) {
            TopicHandler handler = byTopic.get(partition.topic());
            List<ConsumerRecord<String, byte[]>> batch = records.records(partition);
            try {
                loop.submit(() -> {
                    handler.onRecords(batch);
                    return null;
                }).get();
            } catch (ExecutionException e) {
                LOG.errorf(e.getCause(), "%s failed on %d record(s) of %s", handler.getClass().getSimpleName(),
                        batch.size(), partition);
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.set(false);
        }
    }

    @PreDestroy
    void stop() {
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
}
