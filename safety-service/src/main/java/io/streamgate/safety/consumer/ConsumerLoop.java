package io.streamgate.safety.consumer;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;

/**
 * One consumer thread for one topic in a consumer group, as {@code PositionsConsumer} does it: offsets are
 * committed only after {@link Handler#process} returned (it waits for its own output to be acknowledged), so a
 * crash reads the poll again rather than losing its output. Between polls the handler gets a
 * {@link Handler#tick} on the wall clock for silence checks and cache refreshes.
 */
public final class ConsumerLoop {

    private static final Logger LOG = Logger.getLogger(ConsumerLoop.class);

    /** What a loop does with its records; called on the loop's thread only. */
    public interface Handler {

        void process(ConsumerRecords<String, byte[]> records);

        /** Called after every poll, records or not. */
        void tick(Instant now);

        /** The loop failed and will read its uncommitted records again: forget what they built. */
        default void reset() {
        }

        /** @param partitionCount how many partitions the topic has */
        default void assigned(Collection<TopicPartition> partitions, int partitionCount) {
        }

        default void revoked(Collection<TopicPartition> partitions) {
        }
    }

    private final String name;
    private final String topic;
    private final Map<String, Object> props;
    private final ConsumerSettings settings;
    private final Handler handler;
    private final MeterRegistry registry;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile KafkaConsumer<String, byte[]> consumer;
    private Thread thread;

    public ConsumerLoop(String name, String bootstrapServers, String topic, ConsumerSettings settings, Handler handler,
            MeterRegistry registry) {
        this.name = name;
        this.topic = topic;
        this.settings = settings;
        this.handler = handler;
        this.registry = registry;
        this.props = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, settings.groupId(),
                ConsumerConfig.CLIENT_ID_CONFIG, name + "-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, settings.autoOffsetReset(),
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.maxPollRecords(),
                ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
    }

    public void start() {
        running.set(true);
        thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        while (running.get()) {
            try (KafkaConsumer<String, byte[]> kafka = new KafkaConsumer<>(props, new StringDeserializer(),
                    new ByteArrayDeserializer()); KafkaClientMetrics kafkaMetrics = new KafkaClientMetrics(kafka)) {
                consumer = kafka;
                kafkaMetrics.bindTo(registry);
                kafka.subscribe(List.of(topic), new Rebalance(kafka));
                while (running.get()) {
                    ConsumerRecords<String, byte[]> records = kafka.poll(settings.pollTimeout());
                    if (!records.isEmpty()) {
                        handler.process(records);
                        kafka.commitAsync();
                    }
                    handler.tick(Instant.now());
                }
            } catch (WakeupException stopping) {
                return;
            } catch (RuntimeException e) {
                // Offsets of the failed poll are not committed: the next consumer reads it again.
                LOG.errorf("%s failed (%s: %s); reconnecting", name, e.getClass().getSimpleName(), e.getMessage());
                handler.reset();
                if (!pause()) {
                    return;
                }
            }
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

    public void stop() {
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

    private final class Rebalance implements ConsumerRebalanceListener {

        private final KafkaConsumer<String, byte[]> kafka;

        Rebalance(KafkaConsumer<String, byte[]> kafka) {
            this.kafka = kafka;
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            if (!partitions.isEmpty()) {
                handler.revoked(partitions);
                kafka.commitSync();
            }
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            handler.revoked(partitions);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (!partitions.isEmpty()) {
                LOG.infof("%s assigned %s", name, partitions);
                handler.assigned(partitions, kafka.partitionsFor(topic).size());
            }
        }
    }
}
