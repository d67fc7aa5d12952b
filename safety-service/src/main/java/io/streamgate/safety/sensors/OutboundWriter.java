package io.streamgate.safety.sensors;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.streamgate.platform.event.CloudEventProducer;
import io.streamgate.platform.event.EventEnvelope;
import io.streamgate.platform.json.Json;
import io.streamgate.platform.kafka.KafkaClients;

/**
 * The idempotent {@code acks=all} producer of sensor alerts, machine status and geofence events: CloudEvents
 * binary headers (with the tenant), JSON values. Callers wait for the acknowledgement before they commit the
 * offsets of the input that caused the records (at least once).
 */
@ApplicationScoped
public class OutboundWriter {

    private final CloudEventProducer producer;
    private final KafkaClientMetrics metrics;
    private final Duration deliveryTimeout;

    OutboundWriter(KafkaClients kafka, SensorsConfig config, MeterRegistry registry) {
        this.deliveryTimeout = config.producer().deliveryTimeout();
        this.producer = new CloudEventProducer(kafka, "safety-service-sensorgeo",
                config.producer().linger(), deliveryTimeout);
        this.metrics = new KafkaClientMetrics(producer.client());
        metrics.bindTo(registry);
    }

    /** Hands the records to the producer; completes when the broker acknowledged all of them. */
    public CompletableFuture<Void> send(List<Outbound> records) {
        List<CloudEventProducer.Outgoing> outgoing = new ArrayList<>(records.size());
        for (Outbound record : records) {
            outgoing.add(new CloudEventProducer.Outgoing(record.topic(), record.key(), new EventEnvelope(record.id(),
                    record.source(), record.type(), record.time(), record.subject(), record.tenant()),
                    Json.encode(record.payload())));
        }
        return producer.sendAll(outgoing);
    }

    /**
     * Sends and waits for the acknowledgement.
     *
     * @throws IllegalStateException when the broker did not acknowledge in time; the caller's poll is then
     *                               read again
     */
    public void sendAndWait(List<Outbound> records) {
        if (records.isEmpty()) {
            return;
        }
        try {
            send(records).get(deliveryTimeout.toMillis() + 5_000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new IllegalStateException("records were not acknowledged: " + cause, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for acknowledgements", e);
        }
    }

    @PreDestroy
    void close() {
        metrics.close();
        producer.close();
    }
}
