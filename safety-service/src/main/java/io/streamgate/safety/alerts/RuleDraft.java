package io.streamgate.safety.alerts;

import io.streamgate.platform.alerts.AlertRule;

/** The user-writable part of a rule, validated; the API adds id, owner and times. */
public record RuleDraft(String name, boolean enabled, String priority, int cooldown, AlertRule.Conditions conditions) {
}
