package io.streamgate.safety.sensors;

import java.time.Instant;

import io.streamgate.platform.topic.Topic;

/**
 * One record to publish: its topic and key, the CloudEvents attributes and the payload (JSON-encoded by the
 * writer).
 *
 * @param id the CloudEvents id; deterministic where a replay must not look like a new fact
 */
public record Outbound(Topic topic, String key, String id, String source, String type, Instant time,
        String subject, String tenant, Object payload) {
}
