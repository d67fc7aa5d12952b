package io.streamgate.gateway.engine;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.streamgate.platform.topic.Topic;

/**
 * A view that the broadcast consumer feeds. Every gateway replica reads every partition of
 * {@link #topic()} and hands the records here, on the engine thread, in partition order.
 */
public interface TopicHandler {

    Topic topic();

    /** Where to start reading when the gateway starts. */
    StartPosition startPosition();

    void onRecords(List<ConsumerRecord<String, byte[]>> records);
}
