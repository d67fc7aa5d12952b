package io.streamgate.ingest.adsb.state;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.common.KafkaException;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.streamgate.ingest.kafka.EventWriter;
import io.streamgate.ingest.kafka.OutboundEvent;
import io.streamgate.platform.aviation.AircraftPosition;
import io.streamgate.platform.kafka.KafkaClients;
import io.streamgate.platform.topic.Topics;

/**
 * Keeps {@code aircraft.state} (compacted, key = ICAO hex) at the latest position of every live
 * aircraft, and writes a tombstone once an aircraft has had no fix for {@link StateConfig#timeout()}.
 *
 * <p>Records are handed to the producer while holding the table's lock, so a tombstone and a new state
 * for the same aircraft reach the partition in the order they were decided. Acknowledgements are not
 * waited for; a tombstone that fails is retried by the next sweep unless the aircraft came back.
 */
@ApplicationScoped
public class AircraftStateTracker {

    private static final Logger LOG = Logger.getLogger(AircraftStateTracker.class);

    private final EventWriter writer;
    private final StateConfig config;
    private final KafkaClients kafka;
    private final Clock clock = Clock.systemUTC();
    private final AircraftStateTable table;
    private final Queue<Departure> failedTombstones = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean failing = new AtomicBoolean();
    private final Counter acknowledged;
    private final Counter notAcknowledged;
    private final Counter timedOut;
    private final Counter evicted;
    private volatile boolean restored;
    private ScheduledExecutorService sweeper;

    AircraftStateTracker(EventWriter writer, StateConfig config, KafkaClients kafka, MeterRegistry registry) {
        this.writer = writer;
        this.config = config;
        this.kafka = kafka;
        this.table = new AircraftStateTable(config.timeout(), config.maxAircraft());
        String topic = Topics.AIRCRAFT_STATE.name();
        this.acknowledged = Counter.builder("streamgate.ingest.records").description("Records acknowledged by Kafka")
                .tag("topic", topic).register(registry);
        this.notAcknowledged = Counter.builder("streamgate.ingest.records.failed")
                .description("Records Kafka did not acknowledge").tag("topic", topic).register(registry);
        this.timedOut = Counter.builder("streamgate.ingest.aircraft.state.removals")
                .description("Aircraft removed from aircraft.state").tag("reason", "timeout").register(registry);
        this.evicted = Counter.builder("streamgate.ingest.aircraft.state.removals")
                .description("Aircraft removed from aircraft.state").tag("reason", "capacity").register(registry);
        Gauge.builder("streamgate.ingest.aircraft.state.tracked", this, AircraftStateTracker::tracked)
                .description("Aircraft that currently have a state").register(registry);
    }

    void start(@Observes StartupEvent started) {
        sweeper = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "aircraft-state-sweep");
            thread.setDaemon(true);
            return thread;
        });
        long interval = config.sweepInterval().toMillis();
        sweeper.scheduleWithFixedDelay(this::sweep, 0, interval, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent stopping) {
        if (sweeper != null) {
            sweeper.shutdownNow();
            try {
                sweeper.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Takes in positions that were just written to {@code aircraft.positions}. */
    public void record(String tenant, String source, List<AircraftPosition> positions) {
        Instant receivedAt = clock.instant();
        synchronized (table) {
            List<OutboundEvent> states = new ArrayList<>(positions.size());
            for (AircraftPosition position : positions) {
                if (table.offer(tenant, source, position, receivedAt)) {
                    states.add(StateEvents.state(position, tenant, source));
                }
            }
            send(states, List.of());
            List<Departure> overflow = table.trim();
            evicted.increment(overflow.size());
            sendTombstones(overflow, receivedAt);
        }
    }

    /** The one scheduled pass: restore once, then tombstone what timed out and retry what failed. */
    void sweep() {
        try {
            if (!restored) {
                restore();
            }
            Instant now = clock.instant();
            synchronized (table) {
                List<Departure> gone = table.expire(now);
                timedOut.increment(gone.size());
                List<Departure> due = new ArrayList<>(gone);
                for (Departure retry; (retry = failedTombstones.poll()) != null;) {
                    if (!table.contains(retry.tenant(), retry.hex())) {
                        due.add(retry);
                    }
                }
                sendTombstones(due, now);
            }
        } catch (RuntimeException e) {
            // An exception would cancel the scheduled sweep for good; the next pass tries again.
            LOG.warnf("aircraft.state sweep failed, retrying in %s: %s", config.sweepInterval(), e.toString());
        }
    }

    private void restore() {
        try {
            List<StateRestore.Restored> found = StateRestore.read(kafka, config.restoreTimeout());
            synchronized (table) {
                found.forEach(r -> table.restore(r.tenant(), r.source(), r.position(), r.writtenAt()));
                List<Departure> overflow = table.trim();
                evicted.increment(overflow.size());
                sendTombstones(overflow, clock.instant());
            }
            restored = true;
            LOG.infof("aircraft.state: %d aircraft carried over from before this start", found.size());
        } catch (KafkaException e) {
            LOG.warnf("aircraft.state could not be read back yet (%s); aircraft silent since the last stop "
                    + "get their tombstone once it can", e.toString());
        }
    }

    private void sendTombstones(List<Departure> departures, Instant now) {
        if (!departures.isEmpty()) {
            send(departures.stream().map(d -> StateEvents.tombstone(d, now)).toList(), departures);
        }
    }

    /** @param departures the aircraft the events remove, to retry if Kafka does not take them */
    private void send(List<OutboundEvent> events, List<Departure> departures) {
        if (events.isEmpty()) {
            return;
        }
        writer.send(Topics.AIRCRAFT_STATE, events).whenComplete((ok, error) -> {
            if (error == null) {
                acknowledged.increment(events.size());
                if (failing.compareAndSet(true, false)) {
                    LOG.info("aircraft.state writes are acknowledged again");
                }
            } else {
                notAcknowledged.increment(events.size());
                failedTombstones.addAll(departures);
                if (failing.compareAndSet(false, true)) {
                    LOG.warnf("aircraft.state: Kafka did not take %d record(s) (%s); tombstones are retried, "
                            + "states are repaired by the next position", events.size(), error.toString());
                }
            }
        });
    }

    private int tracked() {
        synchronized (table) {
            return table.size();
        }
    }
}
