package io.streamgate.safety.aviation.pairs;

import java.util.Optional;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import io.streamgate.platform.aviation.AircraftPosition;
import io.streamgate.platform.event.EventEnvelope;
import io.streamgate.platform.event.EventTypes;
import io.streamgate.platform.event.KafkaBinaryBinding;
import io.streamgate.platform.json.Json;
import io.streamgate.platform.safety.SafetyEvent;
import io.streamgate.platform.topic.Topics;
import io.streamgate.safety.aviation.AviationSafetyConfig;
import io.streamgate.safety.aviation.Emission;
import io.streamgate.safety.aviation.SafetyMetrics;
import io.streamgate.safety.aviation.detect.SafetyEngine;
import io.streamgate.safety.aviation.kafka.SafetyEventWriter;

/**
 * The pair detectors of the sectors of one partition of the repartition topic (one Kafka Streams task): a
 * {@link SafetyEngine#pairs pair engine} per sector, fed every copy of a position the sector receives, and told
 * whether that copy is the aircraft's home one. What the engines emit goes to {@code safety.events} in the
 * task's transaction, together with the store of open episodes and the input offsets (exactly once).
 *
 * <p>When the task starts — a replica started, or took the partition over from one that stopped or crashed — the
 * store holds the episodes the previous owner left open; each sector's engine inherits them, continues those its
 * detectors confirm again within {@code adopt-within} under the same id, and ends the others
 * ({@code handover}). Silence is swept on the wall clock, as the per-aircraft consumer does.
 */
final class PairDetection implements Processor<String, byte[], String, byte[]> {

    static final String STORE = "open-pair-episodes";

    private final AviationSafetyConfig config;
    private final SafetyMetrics metrics;
    private final Map<String, SafetyEngine> sectors = new HashMap<>();
    private final Duration adoptWithin;
    private ProcessorContext<String, byte[]> context;
    private KeyValueStore<String, byte[]> openEpisodes;

    PairDetection(AviationSafetyConfig config, SafetyMetrics metrics) {
        this.config = config;
        this.metrics = metrics;
        this.adoptWithin = config.pairs().adoptWithin();
    }

    @Override
    public void init(ProcessorContext<String, byte[]> context) {
        this.context = context;
        this.openEpisodes = context.getStateStore(STORE);
        Instant now = Instant.now();
        try (KeyValueIterator<String, byte[]> held = openEpisodes.all()) {
            while (held.hasNext()) {
                KeyValue<String, byte[]> entry = held.next();
                HeldEpisode episode = Json.decode(entry.value, HeldEpisode.class);
                engine(PairKeys.sectorOf(entry.key)).inherit(episode.tenant(), episode.latest(), episode.revision(),
                        now);
            }
        }
        context.schedule(config.sweepInterval(), PunctuationType.WALL_CLOCK_TIME, at -> sweep(Instant.now()));
    }

    @Override
    public void process(Record<String, byte[]> record) {
        Optional<PositionCopy> read = PositionCopy.read(record);
        if (read.isEmpty()) {
            return;
        }
        EventEnvelope envelope = read.get().envelope();
        AircraftPosition position = read.get().position();
        String sector = record.key();
        List<Emission> emissions = engine(sector).onPosition(envelope.tenant(), position,
                context.recordMetadata().map(m -> m.partition()).orElse(0), SectorRouter.isHome(record),
                Instant.now());
        publish(sector, emissions);
    }

    private void sweep(Instant now) {
        Instant unconfirmedSince = now.minus(adoptWithin);
        for (Iterator<Map.Entry<String, SafetyEngine>> left = sectors.entrySet().iterator(); left.hasNext();) {
            Map.Entry<String, SafetyEngine> sector = left.next();
            SafetyEngine engine = sector.getValue();
            publish(sector.getKey(), engine.sweep(now));
            publish(sector.getKey(), engine.endUnadopted(unconfirmedSince, now));
            if (engine.trackedAircraft() == 0 && engine.openEpisodes() == 0) {
                left.remove();
            }
        }
    }

    private SafetyEngine engine(String sector) {
        return sectors.computeIfAbsent(sector, s -> SafetyEngine.pairs(config));
    }

    private void publish(String sector, List<Emission> emissions) {
        if (emissions.isEmpty()) {
            return;
        }
        for (Emission emission : emissions) {
            SafetyEvent event = emission.event();
            String held = PairKeys.episode(sector, event.eventType(), event.icaoHex(), event.icaoHex2());
            if (event.active()) {
                openEpisodes.put(held, Json.encode(new HeldEpisode(emission.tenant(), emission.revision(), event)));
            } else {
                openEpisodes.delete(held);
            }
            EventEnvelope envelope = new EventEnvelope(emission.cloudEventId(), SafetyEventWriter.SOURCE,
                    EventTypes.SAFETY_EVENT, event.timestamp(), emission.key(), emission.tenant());
            RecordHeaders headers = new RecordHeaders();
            KafkaBinaryBinding.write(envelope, Topics.SAFETY_EVENTS, headers);
            context.forward(new Record<>(emission.key(), Json.encode(event), event.timestamp().toEpochMilli(),
                    headers));
        }
        metrics.published(emissions);
    }
}
