package io.streamgate.gateway.engine;

import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.streamgate.platform.kafka.StartPosition;
import io.streamgate.platform.topic.Topic;

/**
 * A view that the broadcast consumer feeds. Every gateway replica reads every partition of
 * {@link #topic()} and hands the records here, on the engine thread, in partition order. One view per topic.
 */
public interface TopicHandler {

    Topic topic();

    /** Where to start reading when the gateway starts. */
    StartPosition startPosition();

    void onRecords(List<ConsumerRecord<String, byte[]>> records);

    /**
     * Where reading starts in each partition, before the first record is handed over (engine thread).
     * Views that answer resumes need it: they hold nothing from before these offsets.
     */
    default void onAssigned(Map<Integer, Long> startOffsets) {
    }
}
