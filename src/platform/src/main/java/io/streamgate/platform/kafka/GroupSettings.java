package io.streamgate.platform.kafka;

import java.time.Duration;
import java.util.Objects;

/**
 * How a consumer group member reads.
 *
 * @param groupId         replicas share the group and split the partitions
 * @param autoOffsetReset where a group without committed offsets starts ({@code latest}, {@code earliest})
 * @param pollTimeout     the longest one poll waits for records; the handler's tick runs at least this often
 * @param maxPollRecords  the most records one poll hands to the handler
 * @param commit          how the offsets of a poll are committed once the handler returned
 */
public record GroupSettings(String groupId, String autoOffsetReset, Duration pollTimeout, int maxPollRecords,
        Commit commit) {

    /** How offsets are committed after the handler returned. */
    public enum Commit {
        /**
         * Without waiting: the next poll is not held up by the round trip. A revocation commits synchronously
         * before the partitions go, so a new owner starts where this one stopped.
         */
        ASYNC,
        /**
         * Waiting for the broker: when the loop stops after a poll, that poll is committed, and a restart
         * does not read it again (for handlers whose output is not idempotent).
         */
        SYNC
    }

    public GroupSettings {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(autoOffsetReset, "autoOffsetReset");
        Objects.requireNonNull(pollTimeout, "pollTimeout");
        Objects.requireNonNull(commit, "commit");
    }
}
