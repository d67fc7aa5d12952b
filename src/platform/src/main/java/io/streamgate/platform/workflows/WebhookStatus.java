package io.streamgate.platform.workflows;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One webhook delivery attempt and its outcome ({@code webhooks.status}, key: delivery id, CE type
 * {@code io.streamgate.webhook.status}).
 *
 * @param deliveryId    the idempotency id the receiver gets with every attempt of this delivery
 * @param url           where it goes, without user info or query string (they may carry credentials)
 * @param status        {@code pending}, {@code retrying}, {@code delivered} or {@code failed}
 * @param attempt       from 1; 0 for {@code pending} before the first attempt
 * @param maxAttempts   after this many attempts the delivery is {@code failed}
 * @param httpStatus    the receiver's status code; null when it did not answer (timeout, refused)
 * @param latencyMs     time to the receiver's answer or to giving up on it; null for {@code pending}
 * @param error         why the attempt failed, when it did
 * @param nextAttemptAt when the next attempt is due, for {@code retrying}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebhookStatus(
        @JsonProperty("delivery_id") String deliveryId,
        @JsonProperty("workflow_id") String workflowId,
        @JsonProperty("execution_id") String executionId,
        @JsonProperty("step_index") int stepIndex,
        @JsonProperty("url") String url,
        @JsonProperty("status") String status,
        @JsonProperty("attempt") int attempt,
        @JsonProperty("max_attempts") int maxAttempts,
        @JsonProperty("http_status") Integer httpStatus,
        @JsonProperty("latency_ms") Long latencyMs,
        @JsonProperty("error") String error,
        @JsonProperty("next_attempt_at") Instant nextAttemptAt,
        @JsonProperty("timestamp") Instant timestamp) {

    public static final String PENDING = "pending";
    public static final String RETRYING = "retrying";
    public static final String DELIVERED = "delivered";
    public static final String FAILED = "failed";
}
