package io.streamgate.platform.stats;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The latest figures of one statistic of one tenant ({@code stats.updates}, compacted, key
 * {@code <tenant>/<stat_type>}, CE type {@code io.streamgate.stats.update}); the same JSON is kept in Redis at
 * {@code streamgate:tenant:<tenant>:stats:<stat_type>}.
 *
 * @param statType   {@code aircraft_stats}, {@code dashboard}, {@code queue_stats}, …
 * @param data       the figures, a JSON object whose shape depends on {@code stat_type}
 * @param computedAt when the figures were computed
 */
public record StatsUpdate(
        @JsonProperty("stat_type") String statType,
        @JsonProperty("data") ObjectNode data,
        @JsonProperty("computed_at") Instant computedAt) {
}
