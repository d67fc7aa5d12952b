package io.streamgate.gateway.engine.events;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * How far a client has read one topic: the next offset to deliver in every partition. An event's
 * resumable id is the position just after it, so resuming from an id delivers exactly the events the
 * client has not seen, whatever the interleaving of partitions was (Kafka keeps order per partition,
 * and every earlier event of every partition is covered by the vector).
 */
public final class StreamPosition {

    private final String topic;
    private final long[] next;

    private StreamPosition(String topic, long[] next) {
        this.topic = topic;
        this.next = next;
    }

    public static StreamPosition start(String topic, int partitions) {
        return new StreamPosition(topic, new long[partitions]);
    }

    public String topic() {
        return topic;
    }

    public int partitions() {
        return next.length;
    }

    public long next(int partition) {
        return partition < next.length ? next[partition] : 0;
    }

    /** True when the event at (partition, offset) was delivered before this position. */
    public boolean covers(int partition, long offset) {
        return offset < next(partition);
    }

    /** This position with the event at (partition, offset) delivered too. */
    public StreamPosition after(int partition, long offset) {
        long[] moved = Arrays.copyOf(next, Math.max(next.length, partition + 1));
        moved[partition] = Math.max(moved[partition], offset + 1);
        return new StreamPosition(topic, moved);
    }

    /** This position with {@code partition} rewound or moved to {@code nextOffset}, the first offset not delivered. */
    public StreamPosition at(int partition, long nextOffset) {
        long[] moved = Arrays.copyOf(next, Math.max(next.length, partition + 1));
        moved[partition] = nextOffset;
        return new StreamPosition(topic, moved);
    }

    /** The opaque, URL-safe id a client echoes back ({@code Last-Event-ID}, SkySpy's {@code last_event_id}). */
    public String encode() {
        StringBuilder text = new StringBuilder(topic).append('|');
        for (int i = 0; i < next.length; i++) {
            if (i > 0) {
                text.append(',');
            }
            text.append(next[i]);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Reads an id back; empty for anything that is not one of ours for this topic. */
    public static Optional<StreamPosition> decode(String id, String expectedTopic) {
        if (id == null || id.isBlank() || id.length() > 4096) {
            return Optional.empty();
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(id.strip()), StandardCharsets.UTF_8);
            int bar = text.indexOf('|');
            if (bar < 0 || !text.substring(0, bar).equals(expectedTopic)) {
                return Optional.empty();
            }
            String[] parts = text.substring(bar + 1).split(",");
            long[] next = new long[parts.length];
            for (int i = 0; i < parts.length; i++) {
                next[i] = Long.parseLong(parts[i]);
                if (next[i] < 0) {
                    return Optional.empty();
                }
            }
            return Optional.of(new StreamPosition(expectedTopic, next));
        } catch (IllegalArgumentException notOurs) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return topic + Arrays.toString(next);
    }
}
