package io.streamgate.ingest.adsb;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.streamgate.ingest.adsb.state.AircraftStateTracker;
import io.streamgate.ingest.kafka.BrokerUnavailableException;
import io.streamgate.ingest.kafka.EventWriter;
import io.streamgate.platform.aviation.AircraftPosition;
import io.streamgate.platform.topic.Topics;

/**
 * The one way aviation feeds write positions, so that POST, polling and SBS behave alike: durably to
 * {@code aircraft.positions}, then into the last-known state of {@code aircraft.state}.
 */
@ApplicationScoped
public class AircraftPositionWriter {

    private final EventWriter writer;
    private final AircraftStateTracker state;
    private final Counter positionsWritten;

    AircraftPositionWriter(EventWriter writer, AircraftStateTracker state, MeterRegistry registry) {
        this.writer = writer;
        this.state = state;
        this.positionsWritten = Counter.builder("streamgate.ingest.records")
                .description("Records acknowledged by Kafka").tag("topic", Topics.AIRCRAFT_POSITIONS.name())
                .register(registry);
    }

    /**
     * Returns once Kafka acknowledged every position. The state records follow without being waited
     * for: they are derived, and the next position repairs a lost one.
     *
     * @param source the CloudEvents source naming the feed, such as {@code /ingest/adsb/sbs}
     * @throws BrokerUnavailableException when Kafka did not acknowledge in time; nothing reached the state
     */
    public void write(List<AircraftPosition> positions, String tenant, String source) {
        if (positions.isEmpty()) {
            return;
        }
        writer.writeAll(Topics.AIRCRAFT_POSITIONS, AircraftPositionEvents.of(positions, tenant, source));
        positionsWritten.increment(positions.size());
        state.record(tenant, source, positions);
    }
}
