package io.streamgate.safety.sensors;

import java.time.Instant;
import java.util.UUID;


/** Turns an API body into a {@link ThresholdRule}, naming every bad field. */
final class ThresholdRules {

    private ThresholdRules() {
    }

    /**
     * @param existing the rule a PUT replaces (its id and creation time are kept), or null for a POST
     * @throws io.streamgate.service.problem.InvalidRequestException 422
     */
    static ThresholdRule fromBody(byte[] json, ThresholdRule existing, SensorsConfig config, Instant now) {
        RequestBody body = RequestBody.parse(json);
        String machine = body.text("machine_id", true, config.maxNameLength());
        String metric = body.text("metric_name", true, config.maxNameLength());
        String operator = body.oneOf("operator", java.util.List.of(ThresholdRule.ABOVE, ThresholdRule.BELOW));
        Double threshold = body.number("threshold", true);
        Double forSeconds = body.number("for", false);
        if (forSeconds != null && (forSeconds < 0 || forSeconds > config.maxForSeconds()
                || forSeconds != Math.rint(forSeconds))) {
            body.problem("/for", "must be whole seconds from 0 to " + config.maxForSeconds());
        }
        String severity = body.oneOf("severity", Severity.ALL);
        String message = body.text("message", false, config.maxMessageLength());
        body.requireValid("threshold rule");
        return new ThresholdRule(existing == null ? UUID.randomUUID().toString() : existing.id(), machine, metric,
                operator, threshold, forSeconds == null ? 0 : forSeconds.longValue(), severity, message,
                existing == null ? now : existing.createdAt(), now);
    }
}
