package io.streamgate.gateway.stats;

import java.time.Instant;

/**
 * The latest figures of one stat type of one tenant, as stats-service published them.
 *
 * @param data the figures as a JSON object, spliced into each dialect's message as it is
 */
public record StatFigures(String statType, String data, Instant computedAt) {
}
