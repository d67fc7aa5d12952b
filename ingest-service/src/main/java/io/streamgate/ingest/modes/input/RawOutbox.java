package io.streamgate.ingest.modes.input;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.streamgate.ingest.adsb.AircraftPositionWriter;
import io.streamgate.ingest.kafka.BrokerUnavailableException;
import io.streamgate.ingest.kafka.EventWriter;
import io.streamgate.ingest.kafka.OutboundEvent;
import io.streamgate.platform.aviation.AcasAdvisory;
import io.streamgate.platform.aviation.AircraftPosition;
import io.streamgate.platform.event.EventEnvelope;
import io.streamgate.platform.event.EventTypes;
import io.streamgate.platform.json.Json;
import io.streamgate.platform.topic.Topics;

/**
 * Between the decoders (on Vert.x event loops, which must not block) and Kafka (whose writes wait for
 * acknowledgements): a bounded queue drained by one thread, in batches, through the same
 * {@link AircraftPositionWriter} as every other feed. A full queue drops and counts: live positions are
 * worth little once late.
 */
final class RawOutbox implements Runnable {

    private static final Logger LOG = Logger.getLogger(RawOutbox.class);

    private record Pending(String tenant, String source, Object record) {
    }

    private record Batch(String tenant, String source) {
    }

    private final BlockingQueue<Pending> queue;
    private final AircraftPositionWriter positions;
    private final EventWriter events;
    private final int batchSize;
    private final Counter dropped;
    private final Counter notAcknowledged;
    private final Counter advisoriesWritten;
    private volatile boolean running = true;

    RawOutbox(int capacity, int batchSize, AircraftPositionWriter positions, EventWriter events,
            MeterRegistry registry) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.batchSize = batchSize;
        this.positions = positions;
        this.events = events;
        this.dropped = Counter.builder("streamgate.ingest.raw.records.dropped")
                .description("Raw-feed records not written, by reason").tag("why", "queue-full")
                .register(registry);
        this.notAcknowledged = Counter.builder("streamgate.ingest.raw.records.dropped")
                .description("Raw-feed records not written, by reason").tag("why", "kafka")
                .register(registry);
        this.advisoriesWritten = Counter.builder("streamgate.ingest.records")
                .description("Records acknowledged by Kafka").tag("topic", Topics.AIRCRAFT_ACAS.name())
                .register(registry);
        Gauge.builder("streamgate.ingest.raw.records.pending", queue, BlockingQueue::size)
                .description("Raw-feed records waiting for Kafka").register(registry);
    }

    void position(String tenant, String source, AircraftPosition position) {
        offer(new Pending(tenant, source, position));
    }

    void advisory(String tenant, String source, AcasAdvisory advisory) {
        offer(new Pending(tenant, source, advisory));
    }

    private void offer(Pending pending) {
        if (!queue.offer(pending)) {
            dropped.increment();
        }
    }

    void stop() {
        running = false;
    }

    @Override
    public void run() {
        List<Pending> drained = new ArrayList<>(batchSize);
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                drained.add(first);
                queue.drainTo(drained, batchSize - 1);
                write(drained);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.errorf(e, "raw feeds: %d record(s) not written", drained.size());
            } finally {
                drained.clear();
            }
        }
    }

    private void write(List<Pending> drained) {
        Map<Batch, List<AircraftPosition>> byFeed = new LinkedHashMap<>();
        List<OutboundEvent> advisories = new ArrayList<>();
        for (Pending pending : drained) {
            if (pending.record() instanceof AircraftPosition position) {
                byFeed.computeIfAbsent(new Batch(pending.tenant(), pending.source()), k -> new ArrayList<>())
                        .add(position);
            } else if (pending.record() instanceof AcasAdvisory advisory) {
                advisories.add(new OutboundEvent(EventEnvelope.of(pending.source(), EventTypes.AIRCRAFT_ACAS_ADVISORY,
                        advisory.timestamp(), advisory.hex(), pending.tenant()), Json.encode(advisory)));
            }
        }
        for (Map.Entry<Batch, List<AircraftPosition>> feed : byFeed.entrySet()) {
            try {
                positions.write(feed.getValue(), feed.getKey().tenant(), feed.getKey().source());
            } catch (BrokerUnavailableException e) {
                notAcknowledged.increment(feed.getValue().size());
                LOG.warnf("raw feeds: %d position(s) dropped: %s", feed.getValue().size(), e.getMessage());
            }
        }
        if (!advisories.isEmpty()) {
            try {
                events.writeAll(Topics.AIRCRAFT_ACAS, advisories);
                advisoriesWritten.increment(advisories.size());
            } catch (BrokerUnavailableException e) {
                notAcknowledged.increment(advisories.size());
                LOG.warnf("raw feeds: %d ACAS advisory record(s) dropped: %s", advisories.size(), e.getMessage());
            }
        }
    }
}
