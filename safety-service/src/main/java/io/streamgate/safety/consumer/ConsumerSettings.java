package io.streamgate.safety.consumer;

import java.time.Duration;

import io.smallrye.config.WithDefault;

/** How one of the service's consumer groups reads its topic. */
public interface ConsumerSettings {

    /** Replicas share the group, so each machine's (device's, aircraft's) records reach exactly one replica. */
    String groupId();

    /**
     * Where a group without committed offsets starts: {@code latest} raises nothing about the past when the
     * service is first deployed.
     */
    @WithDefault("latest")
    String autoOffsetReset();

    @WithDefault("200ms")
    Duration pollTimeout();

    @WithDefault("500")
    int maxPollRecords();
}
