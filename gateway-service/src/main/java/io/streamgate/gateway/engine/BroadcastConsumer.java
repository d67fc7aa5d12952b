package io.streamgate.gateway.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.streamgate.platform.event.KafkaBinaryBinding;
import io.streamgate.platform.kafka.Assignment;
import io.streamgate.platform.kafka.BroadcastMode;
import io.streamgate.platform.kafka.ConsumerLoop;
import io.streamgate.platform.kafka.ConsumerMode;
import io.streamgate.platform.kafka.KafkaClients;
import io.streamgate.platform.kafka.StartPosition;

/**
 * Reads every partition of every topic a view needs, on the platform's {@link ConsumerLoop} in broadcast mode:
 * manual assignment, no consumer group, so every gateway replica sees every record and scaling out never
 * triggers a rebalance. Each view says where its topic starts ({@link TopicHandler#startPosition()}). Records
 * are handed to the views on the engine thread; the next poll waits until they are applied, so a slow engine
 * slows consumption instead of queueing without bound.
 */
@ApplicationScoped
public class BroadcastConsumer implements ConsumerLoop.Handler {

    private static final Logger LOG = Logger.getLogger(BroadcastConsumer.class);

    private final EngineLoop engine;
    /** The view of each topic, in the order the views are started. */
    private final Map<String, TopicHandler> views = new LinkedHashMap<>();
    private final BroadcastMode mode;
    private final ConsumerLoop loop;
    private final MeterRegistry registry;
    private final Map<String, Counter> unknownSchema = new ConcurrentHashMap<>();
    /** Per topic, whether a record follows the schema version this gateway reads; made once. */
    private final Map<String, Predicate<Headers>> schemaChecks = new HashMap<>();

    BroadcastConsumer(KafkaClients kafka, EngineConfig config, EngineLoop engine, @Any Instance<TopicHandler> handlers,
            MeterRegistry registry) {
        this.engine = engine;
        this.registry = registry;
        Map<String, StartPosition> topics = new LinkedHashMap<>();
        for (TopicHandler handler : handlers) {
            String topic = handler.topic().name();
            // One view per topic: records are dispatched by topic.
            if (views.put(topic, handler) != null) {
                throw new IllegalStateException("two views read " + topic);
            }
            topics.put(topic, handler.startPosition());
            schemaChecks.put(topic, KafkaBinaryBinding.schemaCheck(handler.topic()));
        }
        this.mode = ConsumerMode.broadcast("gateway", topics, config.pollTimeout());
        this.loop = new ConsumerLoop("gateway-broadcast-consumer", mode, this, kafka, registry);
    }

    void start(@Observes StartupEvent started) {
        loop.start();
    }

    /** True once every partition was read up to where it ended when the gateway started. */
    public boolean isWarm() {
        return mode.isCaughtUp();
    }

    /** Tells each view where reading starts in its partitions, before it gets a record (engine thread). */
    @Override
    public void assigned(Assignment assignment) {
        for (TopicHandler view : views.values()) {
            Map<Integer, Long> starts = new HashMap<>();
            for (TopicPartition partition : assignment.partitions()) {
                if (partition.topic().equals(view.topic().name())) {
                    starts.put(partition.partition(), assignment.position(partition));
                }
            }
            try {
                engine.submit(() -> {
                    view.onAssigned(starts);
                    return null;
                }).get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("view " + view.getClass().getSimpleName() + " refused its start", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while starting views", e);
            }
        }
    }

    /** Applies the records of each partition on the engine thread; a view that fails skips them, logged. */
    @Override
    public void process(ConsumerRecords<String, byte[]> records) throws InterruptedException {
        for (TopicPartition partition : records.partitions()) {
            TopicHandler view = views.get(partition.topic());
            List<ConsumerRecord<String, byte[]>> batch = readable(view, records.records(partition));
            if (batch.isEmpty()) {
                continue;
            }
            try {
                engine.submit(() -> {
                    view.onRecords(batch);
                    return null;
                }).get();
            } catch (ExecutionException e) {
                LOG.errorf(e.getCause(), "%s failed on %d record(s) of %s", view.getClass().getSimpleName(),
                        batch.size(), partition);
            }
        }
    }

    /**
     * The records whose payload follows the schema version this gateway reads for the topic. A record
     * of another version (a newer producer during a rolling upgrade) is skipped and counted, never
     * handed to a codec that would misread it.
     */
    private List<ConsumerRecord<String, byte[]>> readable(TopicHandler view, List<ConsumerRecord<String, byte[]>> batch) {
        Predicate<Headers> check = schemaChecks.get(view.topic().name());
        List<ConsumerRecord<String, byte[]>> readable = null;
        for (int i = 0; i < batch.size(); i++) {
            ConsumerRecord<String, byte[]> record = batch.get(i);
            if (check.test(record.headers())) {
                if (readable != null) {
                    readable.add(record);
                }
            } else {
                if (readable == null) {
                    readable = new ArrayList<>(batch.subList(0, i));
                }
                unknownSchema.computeIfAbsent(view.topic().name(), topic -> {
                    LOG.warnf("skipping records of %s written with schema %s; this gateway reads %s", topic,
                            KafkaBinaryBinding.get(record.headers(), KafkaBinaryBinding.DATA_SCHEMA),
                            view.topic().dataSchema());
                    return Counter.builder("streamgate.gateway.records.unknown.schema").tag("topic", topic)
                            .description("Records skipped because their payload schema version is not the one read")
                            .register(registry);
                }).increment();
            }
        }
        return readable == null ? batch : readable;
    }

    @PreDestroy
    void stop() {
        loop.stop();
    }
}
