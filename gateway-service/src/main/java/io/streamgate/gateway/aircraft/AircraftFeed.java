package io.streamgate.gateway.aircraft;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.streamgate.gateway.engine.Conflator;
import io.streamgate.gateway.engine.EngineConfig;
import io.streamgate.gateway.engine.EngineLoop;
import io.streamgate.gateway.engine.Frame;
import io.streamgate.gateway.engine.Session;
import io.streamgate.gateway.engine.Subscribers;
import io.streamgate.gateway.engine.TopicHandler;
import io.streamgate.platform.aviation.AircraftPosition;
import io.streamgate.platform.event.EventEnvelope;
import io.streamgate.platform.event.KafkaBinaryBinding;
import io.streamgate.platform.event.MalformedEventException;
import io.streamgate.platform.json.Json;
import io.streamgate.platform.kafka.StartPosition;
import io.streamgate.platform.topic.Topic;
import io.streamgate.platform.topic.Topics;

/**
 * The live aircraft picture: reads {@code aircraft.positions}, keeps the current state per tenant,
 * and ships the changes of each tick, conflated per aircraft, to the subscribed sessions. A session
 * that could not keep up is skipped, then sent a fresh snapshot once its socket drains, instead of a
 * backlog of stale positions.
 */
@ApplicationScoped
public class AircraftFeed implements TopicHandler {

    private static final Logger LOG = Logger.getLogger(AircraftFeed.class);

    private final EngineLoop loop;
    private final EngineConfig config;
    private final AircraftTable table = new AircraftTable();
    private final Conflator<String, AircraftChange> pending = new Conflator<>(AircraftChange::merge);
    private final Subscribers<AircraftChange, AircraftCodec> subscribers = new Subscribers<>();
    private final Map<Session, Parked> awaitingResync = new HashMap<>();
    /** Per tenant, the state of each aircraft as last shipped: what every subscriber's picture holds. */
    private final Map<String, Map<String, AircraftPosition>> shipped = new HashMap<>();
    private final Counter framesOut;
    private final Counter malformed;
    private final Counter resyncs;

    AircraftFeed(EngineLoop loop, EngineConfig config, MeterRegistry registry) {
        this.loop = loop;
        this.config = config;
        this.framesOut = Counter.builder("streamgate.gateway.frames.out").tag("feed", "aircraft")
                .description("Frames handed to sessions").register(registry);
        this.malformed = Counter.builder("streamgate.gateway.records.malformed").tag("feed", "aircraft")
                .description("Records skipped because they break the event contract").register(registry);
        this.resyncs = Counter.builder("streamgate.gateway.resyncs").tag("feed", "aircraft")
                .description("Snapshots sent to sessions that fell behind").register(registry);
        FunctionCounter.builder("streamgate.gateway.conflated", pending, Conflator::conflatedCount)
                .tag("feed", "aircraft").description("Updates replaced by a newer one before shipping")
                .register(registry);
        Gauge.builder("streamgate.gateway.aircraft.tracked", table, AircraftTable::size).register(registry);
        Gauge.builder("streamgate.gateway.subscriptions", subscribers, Subscribers::size).tag("feed", "aircraft")
                .register(registry);
    }

    void startTicking(@Observes StartupEvent started) {
        loop.every(config.tick(), this::tick);
        loop.every(config.heartbeat(), this::heartbeat);
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
                AircraftPosition position = Json.decode(record.value(), AircraftPosition.class);
                boolean isNew = table.put(envelope.tenant(), position);
                pending.offer(envelope.tenant(), position.hex(), new AircraftChange(
                        isNew ? AircraftChange.Kind.NEW : AircraftChange.Kind.UPDATE, position));
            } catch (MalformedEventException | UncheckedIOException | IllegalArgumentException e) {
                malformed.increment();
                LOG.debugf("skipping malformed record %s-%d@%d: %s", record.topic(), record.partition(),
                        record.offset(), e.getMessage());
            }
        }
    }

    /** Applies {@code aircraft.state}: a tombstone removes the aircraft, a state restores it (warm-up). */
    void onState(List<ConsumerRecord<String, byte[]>> records) {
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                EventEnvelope envelope = KafkaBinaryBinding.read(record.headers());
                if (record.value() == null) {
                    AircraftPosition last = table.remove(envelope.tenant(), record.key());
                    if (last != null) {
                        pending.offer(envelope.tenant(), last.hex(),
                                new AircraftChange(AircraftChange.Kind.REMOVE, last));
                    }
                } else {
                    AircraftPosition position = Json.decode(record.value(), AircraftPosition.class);
                    if (table.get(envelope.tenant(), position.hex()) == null) {
                        table.put(envelope.tenant(), position);
                    }
                }
            } catch (MalformedEventException | UncheckedIOException | IllegalArgumentException e) {
                malformed.increment();
            }
        }
    }

    /**
     * Runs {@code query} over the tenant's aircraft on the engine thread, for request/response
     * messages; the result must not hold on to the live collection.
     */
    public <T> CompletionStage<T> query(String tenant, Function<Collection<AircraftPosition>, T> query) {
        return loop.submit(() -> query.apply(table.all(tenant)));
    }

    /** Sends the tenant's snapshot to {@code session}, then its changes from the next tick on. */
    public void subscribe(Session session, String tenant, AircraftCodec codec) {
        loop.execute(() -> {
            if (session.send(codec.snapshot(table.all(tenant)))) {
                subscribers.add(tenant, codec, session);
                framesOut.increment();
            } else {
                awaitingResync.put(session, new Parked(tenant, codec));
            }
        });
    }

    public void unsubscribe(Session session) {
        loop.execute(() -> {
            subscribers.remove(session);
            awaitingResync.remove(session);
        });
    }

    private void tick() {
        List<Session> refused = new ArrayList<>();
        pending.drain((tenant, changes) -> framesOut.increment(subscribers.publish(tenant, ship(tenant, changes),
                refused::add)));
        refused.forEach(this::park);
        resyncDrainedSessions();
    }

    /** Pairs each change with the state last shipped, and records what ships now. */
    private List<AircraftChange> ship(String tenant, List<AircraftChange> changes) {
        Map<String, AircraftPosition> last = shipped.computeIfAbsent(tenant, t -> new HashMap<>());
        List<AircraftChange> shipping = new ArrayList<>(changes.size());
        for (AircraftChange change : changes) {
            String hex = change.position().hex();
            shipping.add(change.since(last.get(hex)));
            if (change.kind() == AircraftChange.Kind.REMOVE) {
                last.remove(hex);
            } else {
                last.put(hex, change.position());
            }
        }
        return shipping;
    }

    private void heartbeat() {
        List<Session> refused = new ArrayList<>();
        framesOut.increment(subscribers.sendToAll((tenant, codec) -> codec.heartbeat(table.all(tenant).size()),
                refused::add));
        refused.forEach(this::park);
    }

    /** A session that refused a frame gets nothing more until it can take a whole snapshot. */
    private void park(Session session) {
        String tenant = subscribers.tenantOf(session);
        AircraftCodec codec = subscribers.encoderOf(session);
        if (tenant != null) {
            subscribers.remove(session);
            awaitingResync.put(session, new Parked(tenant, codec));
        }
    }

    private void resyncDrainedSessions() {
        if (awaitingResync.isEmpty()) {
            return;
        }
        List<Session> drained = awaitingResync.keySet().stream().filter(s -> !s.isBackedUp()).toList();
        // One snapshot per tenant and variant per tick, however many sessions resync: after a stall
        // thousands may drain in the same tick.
        Map<Parked, Frame> snapshots = new HashMap<>();
        // A snapshot is many times a tick's changes: resyncing every parked session at once after a stall
        // would stall them all again. A bounded number per tick lets the gateway recover.
        int budget = config.maxResyncsPerTick();
        for (Session session : drained) {
            if (budget-- == 0) {
                break;
            }
            Parked parked = awaitingResync.get(session);
            Frame snapshot = snapshots.computeIfAbsent(parked,
                    p -> Frame.shared(p.codec().snapshot(table.all(p.tenant()))));
            if (!session.send(snapshot)) {
                // Its own buffer had drained, so the gateway-wide cap refused it: so it would the rest.
                break;
            }
            awaitingResync.remove(session);
            subscribers.add(parked.tenant(), parked.codec(), session);
            resyncs.increment();
            framesOut.increment();
        }
    }

    private record Parked(String tenant, AircraftCodec codec) {
    }
}
