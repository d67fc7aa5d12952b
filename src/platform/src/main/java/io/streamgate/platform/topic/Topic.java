package io.streamgate.platform.topic;

import java.util.List;

/**
 * One Kafka topic of the catalogue.
 *
 * @param name       the topic name
 * @param key        what the record key is; per-key order is the only order promised
 * @param compacted  true for last-state topics ({@code cleanup.policy=compact}); a null value is a
 *                   tombstone that removes the key
 * @param producers  the services that write it
 * @param consumers  the services that read it
 */
public record Topic(String name, String key, boolean compacted, List<String> producers, List<String> consumers) {

    public Topic {
        producers = List.copyOf(producers);
        consumers = List.copyOf(consumers);
    }

    @Override
    public String toString() {
        return name;
    }
}
