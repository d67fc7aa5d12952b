package io.streamgate.gateway.health;

import java.time.Instant;

/**
 * Whether the systems behind the gateway answer, as last probed.
 *
 * @param eventLog the Kafka cluster every event is kept in (Spooled reports it as its {@code database})
 * @param redis    the Redis that holds keys, tokens and acknowledgements
 */
public record SystemHealth(boolean eventLog, boolean redis, Instant checkedAt) {

    public boolean sameAs(SystemHealth other) {
        return other != null && eventLog == other.eventLog && redis == other.redis;
    }
}
