package io.streamgate.ingest.batch;

import java.time.Instant;
import java.util.function.Function;

import io.streamgate.platform.topic.Topic;

/**
 * What one batch endpoint ingests: the topic, how an item is read, and which of its fields are the
 * record key, the event type and the event time.
 *
 * @param topic     where the items go
 * @param itemsName the array's name when the body is an object ({@code {"readings": […]}}); a bare
 *                  array is accepted too
 * @param source    the CloudEvents source, such as {@code /ingest/sensors}
 * @param reader    reads one item; returns null when it recorded problems
 * @param key       the record key: the entity whose events must stay in order
 * @param type      the CloudEvents type of an item
 * @param time      the event time of an item
 * @param <T>       the item record
 */
public record BatchSpec<T>(Topic topic, String itemsName, String source, ItemReader<T> reader,
        Function<T, String> key, Function<T, String> type, Function<T, Instant> time) {

    /** Reads one item of a batch from its fields. */
    @FunctionalInterface
    public interface ItemReader<T> {
        T read(FieldReader fields);
    }
}
