package io.streamgate.safety.consumer;

import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.streamgate.platform.kafka.ConsumerLoop;
import io.streamgate.platform.kafka.ConsumerMode;
import io.streamgate.platform.kafka.GroupSettings;
import io.streamgate.platform.kafka.KafkaClients;
import io.streamgate.platform.topic.Topic;

/**
 * How every consumer of the safety service reads: one topic, in a consumer group of its own, on the platform's
 * {@link ConsumerLoop}. Offsets are committed after the handler returned, without waiting (a revocation
 * commits synchronously): each handler waits for its own output to be acknowledged, and its event ids are
 * deterministic, so a poll read twice after a crash writes the same records again, never loses them.
 */
public final class GroupConsumers {

    private GroupConsumers() {
    }

    /**
     * @param name     the loop's thread and log name
     * @param clientId the Kafka client id's prefix
     */
    public static ConsumerLoop loop(String name, String clientId, Topic topic, ConsumerSettings settings,
            ConsumerLoop.Handler handler, KafkaClients kafka, MeterRegistry registry) {
        GroupSettings group = new GroupSettings(settings.groupId(), settings.autoOffsetReset(),
                settings.pollTimeout(), settings.maxPollRecords(), GroupSettings.Commit.ASYNC);
        return new ConsumerLoop(name, ConsumerMode.group(clientId, group, List.of(topic.name())), handler, kafka,
                registry);
    }
}
