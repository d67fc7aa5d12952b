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
 * @param schemaVersion the version of the platform schema its payloads follow (the records named in
 *                   {@link Topics}); it changes when a field is renamed, removed or changes meaning —
 *                   adding an optional field does not — and readers skip records of a version they
 *                   do not know instead of misreading them
 */
public record Topic(String name, String key, boolean compacted, List<String> producers, List<String> consumers,
        int schemaVersion) {

    public Topic {
        producers = List.copyOf(producers);
        consumers = List.copyOf(consumers);
        if (schemaVersion < 1) {
            throw new IllegalArgumentException("schema versions start at 1: " + name);
        }
    }

    /**
     * The CloudEvents {@code dataschema} of its records ({@code ce_dataschema}):
     * {@code urn:streamgate:schema:<topic>:v<version>}.
     */
    public String dataSchema() {
        return "urn:streamgate:schema:" + name + ":v" + schemaVersion;
    }

    @Override
    public String toString() {
        return name;
    }
}
