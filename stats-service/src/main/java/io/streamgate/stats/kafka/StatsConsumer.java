package io.streamgate.stats.kafka;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.streamgate.platform.event.EventEnvelope;
import io.streamgate.platform.event.KafkaBinaryBinding;
import io.streamgate.platform.event.MalformedEventException;
import io.streamgate.platform.kafka.ConsumerLoop;
import io.streamgate.platform.kafka.ConsumerMode;
import io.streamgate.platform.kafka.GroupSettings;
import io.streamgate.platform.kafka.KafkaClients;
import io.streamgate.stats.StatsConfig;
import io.streamgate.stats.StatsMetrics;
import io.streamgate.stats.store.RedisBatch;
import io.streamgate.stats.store.RedisReads;
import io.streamgate.stats.window.MinuteWindows;

/**
 * Reads every input topic in the consumer group {@code stats-service}, so replicas split the partitions, hands
 * each record to the {@link Recorder} of its topic, writes the poll's Redis batch in one round trip and only
 * then commits the offsets, synchronously: a crash reads the poll again (at least once). Set-like state (hash
 * fields, set members, HyperLogLogs) is idempotent under such a replay; {@code HINCRBY} counters may count the
 * replayed records twice. The thread, commits and reconnects are the platform's {@link ConsumerLoop}.
 */
@ApplicationScoped
public class StatsConsumer implements ConsumerLoop.Handler {

    private static final Logger LOG = Logger.getLogger(StatsConsumer.class);

    private final StatsConfig config;
    private final Map<String, Recorder> byTopic = new HashMap<>();
    private final RedisReads redis;
    private final MinuteWindows windows;
    private final StatsMetrics metrics;
    private final ConsumerLoop loop;

    StatsConsumer(KafkaClients kafka, StatsConfig config, Instance<Recorder> recorders, RedisReads redis,
            MinuteWindows windows, StatsMetrics metrics, MeterRegistry registry) {
        this.config = config;
        recorders.forEach(recorder -> recorder.topics().forEach(topic -> {
            if (byTopic.put(topic, recorder) != null) {
                throw new IllegalStateException("two recorders for " + topic);
            }
        }));
        this.redis = redis;
        this.windows = windows;
        this.metrics = metrics;
        StatsConfig.Consumer consumer = config.consumer();
        // Synchronous commits: stop() below waits for the poll in progress to be committed.
        GroupSettings group = new GroupSettings(consumer.groupId(), consumer.autoOffsetReset(),
                consumer.pollTimeout(), consumer.maxPollRecords(), GroupSettings.Commit.SYNC);
        this.loop = new ConsumerLoop("stats-consumer", ConsumerMode.group("stats-service", group, byTopic.keySet()),
                this, kafka, registry);
    }

    void start(@Observes StartupEvent started) {
        start();
    }

    /** Joins the group; after {@link #stop()}, again from the committed offsets. */
    public synchronized void start() {
        loop.start();
    }

    @Override
    public void process(ConsumerRecords<String, byte[]> records) {
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

    /** Nothing of the failed poll was committed: the next consumer reads it again. */
    @Override
    public void failed(RuntimeException cause) {
        metrics.failed("consume");
    }

    /**
     * Stops consuming: leaves the group after committing what was written, and forgets the in-memory minute
     * windows, as a process restart would. {@link #start()} joins again from the committed offsets.
     */
    public synchronized void stop() {
        // The loop ends after its current poll, written and committed: a wakeup now could interrupt the commit
        // of a batch Redis already counted, and the restart would count it again.
        loop.stop(config.consumer().pollTimeout().plusSeconds(10));
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
