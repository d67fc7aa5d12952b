package io.streamgate.safety.aviation.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.errors.WakeupException;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.streamgate.platform.event.CloudEventProducer;
import io.streamgate.platform.event.EventEnvelope;
import io.streamgate.platform.event.EventTypes;
import io.streamgate.platform.json.Json;
import io.streamgate.platform.kafka.KafkaClients;
import io.streamgate.platform.topic.Topics;
import io.streamgate.safety.aviation.AviationSafetyConfig;
import io.streamgate.safety.aviation.Emission;

/**
 * Writes safety events to {@code safety.events} with an idempotent {@code acks=all} producer: key = the
 * episode id, CloudEvents binary headers with the tenant, value = the
 * {@link io.streamgate.platform.safety.SafetyEvent}.
 */
@ApplicationScoped
public class SafetyEventWriter {

    /** The CloudEvents source of every safety event this detector set writes. */
    public static final String SOURCE = "/safety/aviation";

    private final CloudEventProducer producer;
    private final KafkaClientMetrics metrics;
    private final long ackTimeoutMillis;

    SafetyEventWriter(KafkaClients kafka, AviationSafetyConfig config, MeterRegistry registry) {
        this.producer = new CloudEventProducer(kafka, "safety-service-aviation",
                config.producer().linger(), config.producer().deliveryTimeout());
        this.metrics = new KafkaClientMetrics(producer.client());
        metrics.bindTo(registry);
        this.ackTimeoutMillis = config.producer().deliveryTimeout().toMillis() + 5_000;
    }

    /**
     * Waits until the broker acknowledged every send of a poll, so a consumer commits its offsets only after its
     * events are durable; a failure stops the poll (it is read again).
     */
    public void await(List<CompletableFuture<Void>> acks) {
        if (acks.isEmpty()) {
            return;
        }
        try {
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(ackTimeoutMillis, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new IllegalStateException("safety.events did not acknowledge: " + cause, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WakeupException();
        }
    }

    /**
     * Hands the records to the producer; records of one episode keep their order (same key).
     *
     * @return completes when the broker acknowledged every record, or fails with the first error
     */
    public CompletableFuture<Void> send(List<Emission> emissions) {
        List<CloudEventProducer.Outgoing> records = new ArrayList<>(emissions.size());
        for (Emission emission : emissions) {
            EventEnvelope envelope = new EventEnvelope(emission.cloudEventId(), SOURCE, EventTypes.SAFETY_EVENT,
                    emission.event().timestamp(), emission.key(), emission.tenant());
            records.add(new CloudEventProducer.Outgoing(Topics.SAFETY_EVENTS, emission.key(), envelope,
                    Json.encode(emission.event())));
        }
        return producer.sendAll(records);
    }

    @PreDestroy
    void close() {
        metrics.close();
        producer.close();
    }
}
