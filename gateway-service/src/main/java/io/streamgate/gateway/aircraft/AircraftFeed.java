package io.streamgate.gateway.aircraft;

import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.streamgate.gateway.engine.EngineConfig;
import io.streamgate.gateway.engine.EngineLoop;
import io.streamgate.gateway.engine.Session;
import io.streamgate.gateway.engine.TopicHandler;
import io.streamgate.gateway.engine.state.KeyedStateView;
import io.streamgate.platform.aviation.AircraftPosition;
import io.streamgate.platform.event.EventEnvelope;
import io.streamgate.platform.event.KafkaBinaryBinding;
import io.streamgate.platform.event.MalformedEventException;
import io.streamgate.platform.json.Json;
import io.streamgate.platform.kafka.StartPosition;
import io.streamgate.platform.topic.Topic;
import io.streamgate.platform.topic.Topics;

/**
 * The live aircraft picture: reads {@code aircraft.positions} (from a look-back window: only recent
 * positions matter), keeps the current state per tenant in a {@link KeyedStateView} keyed by hex, and
 * takes removals and warm-up states from {@code aircraft.state} ({@link AircraftStateHandler}).
 */
@ApplicationScoped
public class AircraftFeed implements TopicHandler {

    private static final Logger LOG = Logger.getLogger(AircraftFeed.class);

    private final EngineConfig config;
    private final KeyedStateView<AircraftPosition> view;
    private final Counter malformed;

    AircraftFeed(EngineLoop loop, EngineConfig config, MeterRegistry registry) {
        this.config = config;
        this.view = new KeyedStateView<>("aircraft", AircraftPosition::hex, loop, config, registry);
        this.malformed = Counter.builder("streamgate.gateway.records.malformed").tag("feed", "aircraft")
                .description("Records skipped because they break the event contract").register(registry);
        Gauge.builder("streamgate.gateway.aircraft.tracked", view, KeyedStateView::size).register(registry);
    }

    @Override
    public Topic topic() {
        return Topics.AIRCRAFT_POSITIONS;
    }

    @Override
    public StartPosition startPosition() {
        return StartPosition.lookback(config.warmupLookback());
    }

    @Override
    public void onRecords(List<ConsumerRecord<String, byte[]>> records) {
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                EventEnvelope envelope = KafkaBinaryBinding.read(record.headers());
                view.put(envelope.tenant(), Json.decode(record.value(), AircraftPosition.class));
            } catch (MalformedEventException | UncheckedIOException | IllegalArgumentException e) {
                skip(record, e);
            }
        }
    }

    /** Applies {@code aircraft.state}: a tombstone removes the aircraft, a state restores it (warm-up). */
    void onState(List<ConsumerRecord<String, byte[]>> records) {
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                EventEnvelope envelope = KafkaBinaryBinding.read(record.headers());
                if (record.value() == null) {
                    view.remove(envelope.tenant(), record.key());
                } else {
                    view.restore(envelope.tenant(), Json.decode(record.value(), AircraftPosition.class));
                }
            } catch (MalformedEventException | UncheckedIOException | IllegalArgumentException e) {
                skip(record, e);
            }
        }
    }

    private void skip(ConsumerRecord<String, byte[]> record, RuntimeException e) {
        malformed.increment();
        LOG.debugf("skipping malformed record %s-%d@%d: %s", record.topic(), record.partition(), record.offset(),
                e.getMessage());
    }

    /** See {@link KeyedStateView#query}. */
    public <T> CompletionStage<T> query(String tenant, Function<Collection<AircraftPosition>, T> query) {
        return view.query(tenant, query);
    }

    /** Sends the tenant's snapshot to {@code session}, then its changes from the next tick on. */
    public void subscribe(Session session, String tenant, AircraftCodec codec) {
        view.subscribe(session, tenant, codec);
    }

    public void unsubscribe(Session session) {
        view.unsubscribe(session);
    }
}
