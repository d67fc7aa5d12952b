package io.streamgate.safety.workflows;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jboss.logging.Logger;

import io.streamgate.platform.json.Json;
import io.streamgate.platform.workflows.WebhookStatus;
import io.streamgate.platform.workflows.WorkflowEvent;
import io.streamgate.platform.workflows.WorkflowExecution;
import io.streamgate.platform.workflows.WorkflowStats;
import io.streamgate.safety.sensors.Outbound;

/**
 * Carries one execution one transition forward: announces it, runs or resumes one step, or finishes it. A
 * transition is what the runner makes durable in one go, records first (acknowledged by Kafka) and then the
 * {@link ExecutionQueue.Progress} (one Lua script): a replica that dies in between did the transition without
 * recording it, and the next owner does it again, so every record is written at least once.
 *
 * <p>A webhook step is two transitions: {@code step.started} with the delivery's {@code pending}, then one per
 * attempt ({@code delivered}, {@code retrying} until the back-off is over, or {@code failed}).
 */
final class ExecutionStepper {

    private static final Logger LOG = Logger.getLogger(ExecutionStepper.class);

    /**
     * @param goOn true when the runner should carry the execution on at once, under the same claim
     */
    record Transition(List<Outbound> records, ExecutionQueue.Progress progress, boolean goOn) {
    }

    private final WorkflowStore store;
    private final WebhookClient webhooks;
    private final Backoff backoff;
    private final WorkflowsConfig config;
    private final WorkflowMetrics metrics;
    private final Clock clock;

    ExecutionStepper(WorkflowStore store, WebhookClient webhooks, Backoff backoff, WorkflowsConfig config,
            WorkflowMetrics metrics, Clock clock) {
        this.store = store;
        this.webhooks = webhooks;
        this.backoff = backoff;
        this.config = config;
        this.metrics = metrics;
        this.clock = clock;
    }

    Transition advance(RunState run, WorkflowExecution doc) {
        Instant now = clock.instant();
        WorkflowDefinition current = store.get(run.tenant(), run.workflowId()).orElse(null);
        if (current == null) {
            return finish(run, false, doc, new ArrayList<>(), WorkflowEvent.FAILED, "the workflow was deleted", now,
                    false);
        }
        boolean enabled = current.enabled();
        if (!run.announced()) {
            WorkflowEvent started = executionEvent(run, enabled, WorkflowEvent.EXECUTION_STARTED, WorkflowEvent.RUNNING, null,
                    store.stats(run.tenant(), run.workflowId()), now);
            return goOn(List.of(record(run, started)), run.announce(), doc, now);
        }
        if (run.step() >= run.steps().size()) {
            return finish(run, enabled, doc, new ArrayList<>(), WorkflowEvent.COMPLETED, null, now, true);
        }
        WorkflowDefinition.Step step = run.steps().get(run.step());
        return switch (step.type()) {
            case WorkflowDefinition.Step.CONDITION -> condition(run, enabled, doc, step, now);
            case WorkflowDefinition.Step.WAIT -> waitStep(run, enabled, doc, step, now);
            case WorkflowDefinition.Step.WEBHOOK -> webhook(run, enabled, doc, step, now);
            default -> finish(run, enabled, doc, new ArrayList<>(), WorkflowEvent.FAILED, "unknown step type " + step.type(),
                    now, true);
        };
    }

    private Transition condition(RunState run, boolean enabled, WorkflowExecution doc, WorkflowDefinition.Step step, Instant now) {
        int i = run.step();
        boolean holds = Conditions.holds(step, fields(run));
        String message = Conditions.describe(step) + (holds ? ": holds"
                : ": does not hold, the remaining steps are skipped");
        List<Outbound> records = new ArrayList<>();
        records.add(record(run, stepEvent(run, enabled, WorkflowEvent.STEP_STARTED, i, WorkflowEvent.RUNNING, null, null, now)));
        records.add(record(run, stepEvent(run, enabled, WorkflowEvent.STEP_SUCCEEDED, i,
                holds ? WorkflowEvent.RUNNING : WorkflowEvent.COMPLETED, null, message, now)));
        WorkflowExecution next = withStep(doc, new WorkflowExecution.Step(i, step.type(), "succeeded", 1, message,
                now, now));
        if (holds) {
            return goOn(records, run.nextStep(), next, now);
        }
        return finish(run.nextStep(), enabled, next, records, WorkflowEvent.COMPLETED, null, now, true);
    }

    private Transition waitStep(RunState run, boolean enabled, WorkflowExecution doc, WorkflowDefinition.Step step, Instant now) {
        int i = run.step();
        if (!run.stepStarted()) {
            Instant until = now.plusMillis(Math.round(step.seconds() * 1000));
            String message = "waiting until " + until;
            WorkflowEvent started = stepEvent(run, enabled, WorkflowEvent.STEP_STARTED, i, WorkflowEvent.RUNNING, null, message,
                    now);
            WorkflowExecution next = withStep(doc, new WorkflowExecution.Step(i, step.type(), "started", 1, message,
                    now, null));
            return sleep(List.of(record(run, started)), run.stepStarted(until), next, until);
        }
        WorkflowEvent done = stepEvent(run, enabled, WorkflowEvent.STEP_SUCCEEDED, i, WorkflowEvent.RUNNING, null, null, now);
        WorkflowExecution next = withStep(doc, new WorkflowExecution.Step(i, step.type(), "succeeded", 1, null,
                startedAt(doc, i, now), now));
        return goOn(List.of(record(run, done)), run.nextStep(), next, now);
    }

    private Transition webhook(RunState run, boolean enabled, WorkflowExecution doc, WorkflowDefinition.Step step, Instant now) {
        int i = run.step();
        int max = config.webhooks().maxAttempts();
        String deliveryId = WorkflowRecords.deliveryId(run.executionId(), i);
        if (!run.stepStarted()) {
            List<Outbound> records = List.of(
                    record(run, stepEvent(run, enabled, WorkflowEvent.STEP_STARTED, i, WorkflowEvent.RUNNING, null,
                            "delivery " + deliveryId, now)),
                    WorkflowRecords.webhookStatus(run.tenant(), status(run, i, step, deliveryId, WebhookStatus.PENDING,
                            0, max, null, null, now)));
            WorkflowExecution next = withStep(doc, new WorkflowExecution.Step(i, step.type(), "started", 0, null, now,
                    null));
            return goOn(records, run.stepStarted(null), next, now);
        }
        int attempt = run.attempts() + 1;
        String secret = store.secret(run.tenant(), run.workflowId());
        if (secret == null) {
            return finish(run, enabled, doc, new ArrayList<>(), WorkflowEvent.FAILED, "the workflow was deleted", now, false);
        }
        byte[] body = body(run, step);
        Duration timeout = step.timeoutSeconds() == null ? config.webhooks().defaultTimeout()
                : Duration.ofMillis(Math.round(step.timeoutSeconds() * 1000));
        WebhookClient.Answer answer = webhooks.send(new WebhookClient.Call(step.url(), step.method(), step.headers(),
                body, deliveryId, secret, timeout, now));
        Instant after = clock.instant();
        Instant startedAt = startedAt(doc, i, now);
        List<Outbound> records = new ArrayList<>();
        if (answer.outcome() == WebhookClient.Outcome.DELIVERED) {
            metrics.delivery(WebhookStatus.DELIVERED, answer.latencyMs());
            LOG.debugf("webhook delivery %s of workflow %s delivered on attempt %d", deliveryId, run.workflowId(),
                    attempt);
            records.add(WorkflowRecords.webhookStatus(run.tenant(), status(run, i, step, deliveryId,
                    WebhookStatus.DELIVERED, attempt, max, answer, null, after)));
            records.add(record(run, stepEvent(run, enabled, WorkflowEvent.STEP_SUCCEEDED, i, WorkflowEvent.RUNNING, attempt,
                    "HTTP " + answer.httpStatus(), after)));
            WorkflowExecution next = withStep(doc, new WorkflowExecution.Step(i, step.type(), "succeeded", attempt,
                    "HTTP " + answer.httpStatus(), startedAt, after));
            return goOn(records, run.nextStep(), next, after);
        }
        if (answer.outcome() == WebhookClient.Outcome.RETRY && attempt < max) {
            metrics.delivery(WebhookStatus.RETRYING, answer.latencyMs());
            Instant nextAttempt = after.plus(backoff.after(attempt));
            LOG.infof("webhook delivery %s of workflow %s: attempt %d of %d failed (%s), next at %s", deliveryId,
                    run.workflowId(), attempt, max, answer.error(), nextAttempt);
            records.add(WorkflowRecords.webhookStatus(run.tenant(), status(run, i, step, deliveryId,
                    WebhookStatus.RETRYING, attempt, max, answer, nextAttempt, after)));
            records.add(record(run, stepEvent(run, enabled, WorkflowEvent.STEP_RETRYING, i, WorkflowEvent.RUNNING, attempt,
                    answer.error() + "; next attempt at " + nextAttempt, after)));
            WorkflowExecution next = withStep(doc, new WorkflowExecution.Step(i, step.type(), "retrying", attempt,
                    answer.error(), startedAt, null));
            return sleep(records, run.attempted(attempt), next, nextAttempt);
        }
        metrics.delivery(WebhookStatus.FAILED, answer.latencyMs());
        String why = answer.error() + (attempt >= max && answer.outcome() == WebhookClient.Outcome.RETRY
                ? " after " + attempt + " attempts" : "");
        LOG.infof("webhook delivery %s of workflow %s failed: %s", deliveryId, run.workflowId(), why);
        records.add(WorkflowRecords.webhookStatus(run.tenant(), status(run, i, step, deliveryId, WebhookStatus.FAILED,
                attempt, max, answer, null, after)));
        records.add(record(run, stepEvent(run, enabled, WorkflowEvent.STEP_FAILED, i, WorkflowEvent.FAILED, attempt, why,
                after)));
        WorkflowExecution next = withStep(doc, new WorkflowExecution.Step(i, step.type(), "failed", attempt, why,
                startedAt, after));
        return finish(run.nextStep(), enabled, next, records, WorkflowEvent.FAILED, why, after, true);
    }

    /** Skips the steps not reached, writes the execution's end and counts it. */
    private Transition finish(RunState run, boolean enabled, WorkflowExecution doc, List<Outbound> records, String status,
            String message, Instant now, boolean count) {
        WorkflowExecution next = doc;
        for (int i = Math.min(run.step(), run.steps().size()); i < run.steps().size(); i++) {
            String type = run.steps().get(i).type();
            records.add(record(run, stepEvent(run, enabled, WorkflowEvent.STEP_SKIPPED, i, status, null, null, now)));
            next = withStep(next, new WorkflowExecution.Step(i, type, "skipped", 0, null, null, now));
        }
        WorkflowStats before = store.stats(run.tenant(), run.workflowId());
        boolean completed = WorkflowEvent.COMPLETED.equals(status);
        WorkflowStats after = !count ? before : WorkflowStats.of(before.executionsStarted(),
                before.executionsCompleted() + (completed ? 1 : 0), before.executionsFailed() + (completed ? 0 : 1));
        WorkflowEvent end = executionEvent(run, enabled, completed ? WorkflowEvent.EXECUTION_COMPLETED
                : WorkflowEvent.EXECUTION_FAILED, status, message, after, now);
        records.add(record(run, end));
        next = new WorkflowExecution(next.executionId(), next.workflowId(), status, next.triggerEventId(),
                next.startedAt(), now, next.steps());
        String field = !count ? null : completed ? WorkflowStore.COMPLETED : WorkflowStore.FAILED;
        metrics.execution(status);
        return new Transition(records, new ExecutionQueue.Progress(null, next, now, true, field), false);
    }

    private Transition goOn(List<Outbound> records, RunState run, WorkflowExecution doc, Instant now) {
        return new Transition(records, new ExecutionQueue.Progress(run, doc, now.plus(config.runner().lease()), false,
                null), true);
    }

    private static Transition sleep(List<Outbound> records, RunState run, WorkflowExecution doc, Instant until) {
        return new Transition(records, new ExecutionQueue.Progress(run, doc, until, true, null), false);
    }

    private static Map<String, String> fields(RunState run) {
        return EventFields.of(run.triggerEvent(), run.workflowId(), run.workflowName(), run.executionId());
    }

    /** The step's template filled in, or the event as JSON when it has none. */
    private static byte[] body(RunState run, WorkflowDefinition.Step step) {
        if (step.body() != null) {
            return BodyTemplate.render(step.body(), fields(run)).getBytes(StandardCharsets.UTF_8);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("workflow_id", run.workflowId());
        body.put("workflow_name", run.workflowName());
        body.put("execution_id", run.executionId());
        body.put("event", run.triggerEvent());
        return Json.encode(body);
    }

    private static WebhookStatus status(RunState run, int index, WorkflowDefinition.Step step, String deliveryId,
            String status, int attempt, int max, WebhookClient.Answer answer, Instant nextAttempt, Instant now) {
        return new WebhookStatus(deliveryId, run.workflowId(), run.executionId(), index, WebhookClient.shown(step.url()),
                status, attempt, max, answer == null ? null : answer.httpStatus(),
                answer == null ? null : answer.latencyMs(), answer == null ? null : answer.error(), nextAttempt, now);
    }

    private static WorkflowEvent stepEvent(RunState run, boolean enabled, String type, int index, String status, Integer attempt,
            String message, Instant now) {
        return new WorkflowEvent(WorkflowRecords.executionEventId(run.executionId(), type, index, attempt), type,
                run.workflowId(), run.workflowName(), enabled, run.executionId(), index, run.steps().get(index).type(),
                status, attempt, message, null, null, now);
    }

    private static WorkflowEvent executionEvent(RunState run, boolean enabled, String type, String status, String message,
            WorkflowStats stats, Instant now) {
        return new WorkflowEvent(WorkflowRecords.executionEventId(run.executionId(), type, null, null), type,
                run.workflowId(), run.workflowName(), enabled, run.executionId(), null, null, status, null, message,
                run.triggerEvent().eventId(), stats, now);
    }

    private static Outbound record(RunState run, WorkflowEvent event) {
        return WorkflowRecords.workflowEvent(run.tenant(), event);
    }

    private static WorkflowExecution withStep(WorkflowExecution doc, WorkflowExecution.Step step) {
        List<WorkflowExecution.Step> steps = new ArrayList<>(doc.steps() == null ? List.of() : doc.steps());
        steps.removeIf(s -> s.index() == step.index());
        steps.add(step);
        steps.sort((a, b) -> Integer.compare(a.index(), b.index()));
        return new WorkflowExecution(doc.executionId(), doc.workflowId(), doc.status(), doc.triggerEventId(),
                doc.startedAt(), doc.finishedAt(), List.copyOf(steps));
    }

    private static Instant startedAt(WorkflowExecution doc, int index, Instant otherwise) {
        if (doc.steps() != null) {
            for (WorkflowExecution.Step s : doc.steps()) {
                if (s.index() == index && s.startedAt() != null) {
                    return s.startedAt();
                }
            }
        }
        return otherwise;
    }
}
