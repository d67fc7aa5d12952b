package io.streamgate.safety.aviation.pairs;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.AutoOffsetReset;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

import io.streamgate.platform.topic.Topics;
import io.streamgate.safety.aviation.AviationSafetyConfig;
import io.streamgate.safety.aviation.SafetyMetrics;
import io.streamgate.safety.aviation.detect.SafetyEngine;
import io.streamgate.safety.aviation.geo.Sectors;

/**
 * Pair detection across replicas, as a Kafka Streams topology: {@code aircraft.positions} → {@link SectorRouter}
 * → the repartition topic {@code <application-id>-positions-by-sector-repartition} (key: tenant and sector) →
 * {@link PairDetection} with its store of open episodes → {@code safety.events}. Kafka Streams owns what a
 * home-made version would have to: the sectors' assignment to replicas, moving them on a rebalance, the store's
 * changelog and its restore, and exactly-once processing ({@code processing.guarantee=exactly_once_v2} in
 * application.properties). The store is in memory and rebuilt from its changelog: it holds only open episodes.
 */
@ApplicationScoped
public class PairTopology {

    @Produces
    Topology topology(AviationSafetyConfig config, SafetyMetrics metrics) {
        return build(config, metrics, Topics.AIRCRAFT_POSITIONS.name(), Topics.SAFETY_EVENTS.name());
    }

    /** The topology between any two topics: the service uses the catalogue's, tests their own. */
    public static Topology build(AviationSafetyConfig config, SafetyMetrics metrics, String positions,
            String events) {
        double reach = SafetyEngine.pairs(config).searchRadius();
        Sectors sectors = new Sectors(reach * config.pairs().sectorReaches(), reach);
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(PairDetection.STORE),
                Serdes.String(), Serdes.ByteArray()));
        AutoOffsetReset reset = "earliest".equalsIgnoreCase(config.pairs().autoOffsetReset())
                ? AutoOffsetReset.earliest()
                : AutoOffsetReset.latest();
        builder.stream(positions, Consumed.with(Serdes.String(), Serdes.ByteArray()).withOffsetResetPolicy(reset))
                .process(() -> new SectorRouter(sectors, metrics), Named.as("sector-router"))
                .repartition(Repartitioned.<String, byte[]>as("positions-by-sector").withKeySerde(Serdes.String())
                        .withValueSerde(Serdes.ByteArray()).withNumberOfPartitions(config.pairs().partitions()))
                .process(() -> new PairDetection(config, metrics), Named.as("pair-detection"), PairDetection.STORE)
                .to(events, Produced.with(Serdes.String(), Serdes.ByteArray()));
        return builder.build();
    }
}
