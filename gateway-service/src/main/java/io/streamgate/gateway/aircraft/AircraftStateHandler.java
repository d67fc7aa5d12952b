package io.streamgate.gateway.aircraft;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.streamgate.gateway.engine.TopicHandler;
import io.streamgate.platform.kafka.StartPosition;
import io.streamgate.platform.topic.Topic;
import io.streamgate.platform.topic.Topics;

/**
 * Feeds {@code aircraft.state} to the aircraft picture: read from the beginning (it is compacted), so a
 * new replica starts with every aircraft's last state, and its tombstones become {@code aircraft:remove}.
 */
@ApplicationScoped
public class AircraftStateHandler implements TopicHandler {

    private final AircraftFeed feed;

    AircraftStateHandler(AircraftFeed feed) {
        this.feed = feed;
    }

    @Override
    public Topic topic() {
        return Topics.AIRCRAFT_STATE;
    }

    @Override
    public StartPosition startPosition() {
        return StartPosition.earliest();
    }

    @Override
    public void onRecords(List<ConsumerRecord<String, byte[]>> records) {
        feed.onState(records);
    }
}
