package io.streamgate.stats.safety;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One triggered alert as kept for {@code alert_stats}. */
@RegisterForReflection
public record AlertEntry(
        @JsonProperty("id") long id,
        @JsonProperty("priority") String priority,
        @JsonProperty("rule_id") String ruleId,
        @JsonProperty("rule_name") String ruleName) {
}
