package io.streamgate.safety.workflows;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.streamgate.platform.devices.GeofenceEvent;
import io.streamgate.platform.event.EventEnvelope;
import io.streamgate.platform.event.EventTypes;
import io.streamgate.platform.event.KafkaBinaryBinding;
import io.streamgate.platform.event.MalformedEventException;
import io.streamgate.platform.json.Json;
import io.streamgate.platform.kafka.ConsumerLoop;
import io.streamgate.platform.kafka.KafkaClients;
import io.streamgate.platform.topic.Topics;
import io.streamgate.platform.workflows.WorkflowEvent;
import io.streamgate.platform.workflows.WorkflowExecution;
import io.streamgate.safety.consumer.GroupConsumers;

/**
 * Reads {@code geofence.events} in group {@code safety-workflows} (so with two replicas each event reaches one)
 * and starts an execution of every enabled workflow of the event's tenant whose trigger matches it. Starting is
 * only Redis ({@link ExecutionQueue#start}, keyed by workflow id and event id): the poll's offsets are committed
 * after every execution it started is durable, and an event read again starts nothing new. The runner writes
 * every Kafka record of an execution, {@code execution.started} included.
 */
@ApplicationScoped
public class ExecutionStarter implements ConsumerLoop.Handler {

    private final WorkflowStore store;
    private final ExecutionQueue queue;
    private final WorkflowMetrics metrics;
    private final ConsumerLoop loop;

    ExecutionStarter(KafkaClients kafka, WorkflowsConfig config, WorkflowStore store, ExecutionQueue queue,
            WorkflowMetrics metrics, MeterRegistry registry) {
        this.store = store;
        this.queue = queue;
        this.metrics = metrics;
        this.loop = GroupConsumers.loop("safety-workflows", "safety-workflows", Topics.GEOFENCE_EVENTS,
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
        // One read of each tenant's workflows per poll: a change takes effect from the next poll on.
        Map<String, List<WorkflowDefinition>> workflows = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            EventEnvelope envelope;
            GeofenceEvent event;
            try {
                envelope = KafkaBinaryBinding.read(record.headers());
                if (!EventTypes.GEOFENCE_EVENT.equals(envelope.type()) || record.value() == null) {
                    continue;
                }
                event = Json.decode(record.value(), GeofenceEvent.class);
            } catch (MalformedEventException | UncheckedIOException | IllegalArgumentException e) {
                metrics.execution("malformed");
                continue;
            }
            if (event.eventId() == null || event.deviceId() == null) {
                metrics.execution("malformed");
                continue;
            }
            String tenant = envelope.tenant();
            for (WorkflowDefinition workflow : workflows.computeIfAbsent(tenant, store::list)) {
                if (workflow.enabled() && Conditions.triggers(workflow.trigger(), event)) {
                    start(tenant, workflow, event);
                }
            }
        }
    }

    private void start(String tenant, WorkflowDefinition workflow, GeofenceEvent event) {
        String id = WorkflowRecords.executionId(workflow.id(), event.eventId());
        Instant now = Instant.now();
        WorkflowExecution doc = new WorkflowExecution(id, workflow.id(), WorkflowEvent.RUNNING, event.eventId(), now,
                null, List.of());
        boolean started = queue.start(RunState.first(tenant, id, workflow, event), doc, now);
        metrics.execution(started ? "started" : "duplicate");
    }
}
