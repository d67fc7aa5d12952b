package io.streamgate.safety.sensors;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.streamgate.platform.event.EventEnvelope;
import io.streamgate.platform.event.EventTypes;
import io.streamgate.platform.event.KafkaBinaryBinding;
import io.streamgate.platform.event.MalformedEventException;
import io.streamgate.platform.json.Json;
import io.streamgate.platform.kafka.Assignment;
import io.streamgate.platform.kafka.ConsumerLoop;
import io.streamgate.platform.kafka.KafkaClients;
import io.streamgate.platform.sensors.SensorReading;
import io.streamgate.platform.topic.Topics;
import io.streamgate.safety.consumer.GroupConsumers;

/**
 * Reads {@code sensor.readings} in group {@code safety-sensors}, runs every reading through the
 * {@link MachineMonitor} with its tenant's current rules, and writes the alerts ({@code alerts.triggered}) and
 * status changes ({@code machines.status}) before committing. When partitions are assigned, the machines of
 * those partitions take over their last status from {@code machines.status}.
 */
@ApplicationScoped
public class SensorReadingsConsumer implements ConsumerLoop.Handler {

    private static final Logger LOG = Logger.getLogger(SensorReadingsConsumer.class);

    private final KafkaClients kafka;
    private final SensorsConfig config;
    private final ThresholdRuleCache rules;
    private final OutboundWriter writer;
    private final SensorMetrics metrics;
    private final ConsumerLoop loop;
    private final Set<Integer> owned = new HashSet<>();
    private MachineMonitor monitor;
    private long nextSweep;

    SensorReadingsConsumer(KafkaClients kafka, SensorsConfig config, ThresholdRuleCache rules,
            OutboundWriter writer, SensorMetrics metrics, MeterRegistry registry) {
        this.kafka = kafka;
        this.config = config;
        this.rules = rules;
        this.writer = writer;
        this.metrics = metrics;
        this.monitor = new MachineMonitor(config.silence());
        this.loop = GroupConsumers.loop("safety-sensors", "safety-sensors", Topics.SENSOR_READINGS,
                config.consumer(), this, kafka, registry);
    }

    void start(@Observes StartupEvent started) {
        loop.start();
    }

    void stop(@Observes ShutdownEvent stopping) {
        loop.stop();
    }

    @Override
    public void process(ConsumerRecords<String, byte[]> records) {
        List<Outbound> out = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            long started = System.nanoTime();
            EventEnvelope envelope;
            SensorReading reading;
            try {
                envelope = KafkaBinaryBinding.read(record.headers());
                if (!EventTypes.SENSOR_READING.equals(envelope.type()) || record.value() == null) {
                    metrics.malformed();
                    continue;
                }
                reading = Json.decode(record.value(), SensorReading.class);
                if (reading.machineId() == null || reading.metricName() == null || reading.timestamp() == null) {
                    metrics.malformed();
                    continue;
                }
            } catch (MalformedEventException | UncheckedIOException | IllegalArgumentException e) {
                metrics.malformed();
                continue;
            }
            out.addAll(monitor.onReading(envelope.tenant(), reading, rules.rules(envelope.tenant()),
                    record.partition(), System.currentTimeMillis()));
            metrics.processed(System.nanoTime() - started);
        }
        publish(out);
    }

    @Override
    public void tick(Instant now) {
        if (now.toEpochMilli() < nextSweep) {
            return;
        }
        nextSweep = now.toEpochMilli() + config.sweepInterval().toMillis();
        publish(monitor.sweep(now.toEpochMilli(), owned::contains));
    }

    private void publish(List<Outbound> out) {
        writer.sendAndWait(out);
        metrics.published(out);
        metrics.machines(monitor.countByStatus());
    }

    @Override
    public void assigned(Assignment assignment) {
        Set<Integer> added = new HashSet<>();
        assignment.partitions().forEach(p -> added.add(p.partition()));
        int partitionCount = assignment.partitionCount(Topics.SENSOR_READINGS.name());
        owned.addAll(added);
        long now = System.currentTimeMillis();
        int restored = 0;
        for (Map.Entry<String, StatusHistory.Last> entry : StatusHistory.read(kafka, config.historyTimeout())
                .entrySet()) {
            StatusHistory.Last last = entry.getValue();
            int partition = StatusHistory.partitionOf(last.status().machineId(), partitionCount);
            if (added.contains(partition)) {
                monitor.restore(last.tenant(), last.status(), partition, now);
                restored++;
            }
        }
        LOG.infof("safety-sensors took over the status of %d machine(s) from machines.status", restored);
        metrics.machines(monitor.countByStatus());
    }

    @Override
    public void revoked(Collection<TopicPartition> partitions) {
        Set<Integer> removed = new HashSet<>();
        partitions.forEach(p -> removed.add(p.partition()));
        owned.removeAll(removed);
        monitor.release(removed::contains);
    }

    @Override
    public void failed(RuntimeException cause) {
        monitor = new MachineMonitor(config.silence());
        owned.clear();
    }
}
