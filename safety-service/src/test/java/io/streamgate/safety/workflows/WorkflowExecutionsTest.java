package io.streamgate.safety.workflows;

import static io.streamgate.safety.sensors.Callers.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.streamgate.devstack.Deadline;
import io.streamgate.devstack.DevstackTestResource;
import io.streamgate.devstack.testing.TopicProbe;
import io.streamgate.platform.devices.GeofenceEvent;
import io.streamgate.platform.event.EventTypes;
import io.streamgate.platform.topic.Topics;
import io.streamgate.platform.workflows.WebhookStatus;
import io.streamgate.platform.workflows.WorkflowEvent;
import io.streamgate.platform.workflows.WorkflowExecution;
import io.streamgate.platform.workflows.WorkflowStats;
import io.streamgate.safety.sensors.Callers;
import io.streamgate.safety.sensors.Records;

/**
 * Geofence events go into the real {@code geofence.events}; executions run in this service against real HTTP
 * receivers; their records are read back from the real {@code workflows.events} and {@code webhooks.status},
 * their state from the real Redis. The test profile allows 3 attempts with back-offs of at most 400 ms and a
 * 1 s answer timeout.
 */
@QuarkusTest
@WithTestResource(value = DevstackTestResource.class, scope = TestResourceScope.GLOBAL)
class WorkflowExecutionsTest {

    private static String bootstrap;
    private static Records records;

    @Inject
    ExecutionQueue queue;

    @Inject
    WorkflowStore store;

    @BeforeAll
    static void producer() {
        bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        records = new Records(bootstrap);
    }

    @AfterAll
    static void close() {
        records.close();
    }

    private static List<WorkflowEvent> ofExecution(List<WorkflowEvent> events, String executionId) {
        return events.stream().filter(e -> executionId.equals(e.executionId())).toList();
    }

    private static List<String> types(List<WorkflowEvent> events) {
        return events.stream().map(e -> e.type() + (e.stepIndex() == null ? "" : "#" + e.stepIndex())).toList();
    }

    @Test
    void aMatchingEntryRunsConditionWaitAndWebhookAndEveryStepIsRecorded() throws Exception {
        String tenant = Callers.newTenant("wf-run");
        try (WebhookReceiver receiver = new WebhookReceiver(call -> 200);
                TopicProbe events = new TopicProbe(bootstrap, Topics.WORKFLOWS_EVENTS.name());
                TopicProbe statuses = new TopicProbe(bootstrap, Topics.WEBHOOKS_STATUS.name())) {
            WorkflowsApi.Created workflow = WorkflowsApi.create(tenant, """
                    {"name": "Trucks at the airport",
                     "trigger": {"geofence_id": "zrh-airport", "event_type": "entry"},
                     "steps": [
                       {"type": "condition", "field": "device_id", "operator": "glob", "value": "truck-*"},
                       {"type": "wait", "seconds": 0.3},
                       {"type": "webhook", "url": "%s", "headers": {"X-Custom": "c-1"},
                        "body": "{\\"device\\": \\"{{device_id}}\\", \\"fence\\": \\"{{geofence_name}}\\"}"}
                     ]}""".formatted(receiver.url("/hooks/in?src=test")));
            // Neither the exit, nor another fence, nor a device the condition refuses reaches the webhook.
            WorkflowsApi.send(records, tenant, WorkflowsApi.event("truck-1", "zrh-airport", "exit"));
            WorkflowsApi.send(records, tenant, WorkflowsApi.event("truck-1", "zurich-hb", "entry"));
            GeofenceEvent bike = WorkflowsApi.event("bike-1", "zrh-airport", "entry");
            WorkflowsApi.send(records, tenant, bike);
            GeofenceEvent entry = WorkflowsApi.event("truck-1", "zrh-airport", "entry");
            WorkflowsApi.send(records, tenant, entry);
            String execution = WorkflowRecords.executionId(workflow.id(), entry.eventId());
            String skipped = WorkflowRecords.executionId(workflow.id(), bike.eventId());

            List<WorkflowEvent> all = WorkflowsApi.await(events, tenant, WorkflowEvent.class, "both executions' ends",
                    e -> e.stream().filter(w -> w.type().equals(WorkflowEvent.EXECUTION_COMPLETED)).count() == 2);
            assertEquals(List.of("execution.started", "step.started#0", "step.succeeded#0", "step.started#1",
                    "step.succeeded#1", "step.started#2", "step.succeeded#2", "execution.completed"),
                    types(ofExecution(all, execution)));
            assertEquals(List.of("execution.started", "step.started#0", "step.succeeded#0", "step.skipped#1",
                    "step.skipped#2", "execution.completed"), types(ofExecution(all, skipped)));
            WorkflowEvent started = ofExecution(all, execution).get(0);
            assertEquals(entry.eventId(), started.triggerEventId());
            assertEquals("Trucks at the airport", started.workflowName());
            WorkflowEvent completed = ofExecution(all, execution).get(7);
            assertEquals(WorkflowEvent.COMPLETED, completed.status());
            assertEquals(2, completed.stats().executionsStarted());
            assertTrue(completed.stats().executionsCompleted() >= 1);
            assertEquals(new WorkflowStats(2, 2, 0, 0), store.stats(tenant, workflow.id()));
            var record = WorkflowsApi.raw(events, tenant).stream().filter(r -> execution.equals(
                    io.streamgate.platform.event.KafkaBinaryBinding.read(r.headers()).subject())).findFirst()
                    .orElseThrow();
            assertEquals(workflow.id(), record.key());
            assertEquals(EventTypes.WORKFLOW_EVENT, Records.type(record));

            List<WebhookReceiver.Call> calls = receiver.calls();
            assertEquals(1, calls.size());
            WebhookReceiver.Call call = calls.get(0);
            assertEquals("{\"device\": \"truck-1\", \"fence\": \"Fence zrh-airport\"}", call.text());
            assertTrue(call.signedWith(workflow.secret()), "signed with the workflow's secret");
            assertEquals("/hooks/in", call.path());
            assertEquals("c-1", call.custom());
            assertEquals(WorkflowRecords.deliveryId(execution, 2), call.deliveryId());
            assertNotNull(call.timestamp());

            List<WebhookStatus> delivery = WorkflowsApi.await(statuses, tenant, WebhookStatus.class, "delivered",
                    s -> s.stream().anyMatch(w -> w.status().equals(WebhookStatus.DELIVERED)));
            assertEquals(List.of(WebhookStatus.PENDING, WebhookStatus.DELIVERED),
                    delivery.stream().map(WebhookStatus::status).toList());
            assertEquals(200, delivery.get(1).httpStatus());
            assertEquals(receiver.url("/hooks/in"), delivery.get(1).url(), "no query string in the record");

            WorkflowExecution doc = queue.execution(tenant, execution);
            assertEquals(WorkflowEvent.COMPLETED, doc.status());
            assertEquals(List.of("succeeded", "succeeded", "succeeded"),
                    doc.steps().stream().map(WorkflowExecution.Step::status).toList());
            assertNotNull(doc.finishedAt());
            as(tenant).get("/v1/workflows/" + workflow.id() + "/executions/" + execution).then().statusCode(200)
                    .body("status", equalTo("completed")).body("steps[2].attempts", equalTo(1));
            as(Callers.newTenant("other")).get("/v1/workflows/" + workflow.id() + "/executions/" + execution).then()
                    .statusCode(404);
        }
    }

    @Test
    void aReceiverThatFailsTwiceGetsTheSameSignedDeliveryThreeTimes() throws Exception {
        String tenant = Callers.newTenant("wf-retry");
        try (WebhookReceiver receiver = new WebhookReceiver(call -> call <= 2 ? 503 : 204);
                TopicProbe events = new TopicProbe(bootstrap, Topics.WORKFLOWS_EVENTS.name());
                TopicProbe statuses = new TopicProbe(bootstrap, Topics.WEBHOOKS_STATUS.name())) {
            WorkflowsApi.Created workflow = WorkflowsApi.create(tenant,
                    WorkflowsApi.webhookWorkflow("Flaky", receiver.url("/flaky"), Map.of("event_type", "entry")));
            GeofenceEvent entry = WorkflowsApi.event("van-1", "depot", "entry");
            WorkflowsApi.send(records, tenant, entry);
            String execution = WorkflowRecords.executionId(workflow.id(), entry.eventId());

            List<WebhookStatus> delivery = WorkflowsApi.await(statuses, tenant, WebhookStatus.class, "delivered",
                    s -> s.stream().anyMatch(w -> w.status().equals(WebhookStatus.DELIVERED)));
            assertEquals(List.of("pending/0", "retrying/1", "retrying/2", "delivered/3"),
                    delivery.stream().map(s -> s.status() + "/" + s.attempt()).toList());
            assertEquals(503, delivery.get(1).httpStatus());
            assertNotNull(delivery.get(1).nextAttemptAt());
            assertNotNull(delivery.get(1).latencyMs());
            assertNull(delivery.get(3).nextAttemptAt());
            assertEquals(204, delivery.get(3).httpStatus());
            assertTrue(delivery.stream().allMatch(s -> s.maxAttempts() == 3 && execution.equals(s.executionId())));

            List<WebhookReceiver.Call> calls = receiver.calls();
            assertEquals(3, calls.size());
            assertEquals(Set.of(WorkflowRecords.deliveryId(execution, 0)),
                    calls.stream().map(WebhookReceiver.Call::deliveryId).collect(Collectors.toSet()));
            assertTrue(calls.stream().allMatch(c -> c.signedWith(workflow.secret())), "every attempt is signed");
            assertTrue(calls.get(0).text().contains("\"execution\": \"" + execution + "\""));
            assertEquals("application/json", calls.get(0).contentType());

            List<WorkflowEvent> all = WorkflowsApi.await(events, tenant, WorkflowEvent.class, "the end",
                    e -> e.stream().anyMatch(w -> w.type().equals(WorkflowEvent.EXECUTION_COMPLETED)));
            assertEquals(List.of("execution.started", "step.started#0", "step.retrying#0", "step.retrying#0",
                    "step.succeeded#0", "execution.completed"), types(ofExecution(all, execution)));
            assertEquals(List.of(1, 2, 3), ofExecution(all, execution).stream().map(WorkflowEvent::attempt)
                    .filter(a -> a != null).toList());
            Deadline.await("the execution document", WorkflowsApi.WAIT,
                    () -> WorkflowEvent.COMPLETED.equals(queue.execution(tenant, execution).status()));
            assertEquals(3, queue.execution(tenant, execution).steps().get(0).attempts());
        }
    }

    @Test
    void aReceiverThatNeverAnswersFailsTheDeliveryAfterTheConfiguredAttempts() throws Exception {
        String tenant = Callers.newTenant("wf-silent");
        try (WebhookReceiver receiver = new WebhookReceiver(call -> WebhookReceiver.NEVER);
                TopicProbe events = new TopicProbe(bootstrap, Topics.WORKFLOWS_EVENTS.name());
                TopicProbe statuses = new TopicProbe(bootstrap, Topics.WEBHOOKS_STATUS.name())) {
            WorkflowsApi.Created workflow = WorkflowsApi.create(tenant, """
                    {"name": "Silent", "steps": [
                      {"type": "webhook", "url": "%s", "timeout_seconds": 0.5},
                      {"type": "wait", "seconds": 1}]}""".formatted(receiver.url("/silent")));
            GeofenceEvent entry = WorkflowsApi.event("phone-1", "station", "exit");
            WorkflowsApi.send(records, tenant, entry);
            String execution = WorkflowRecords.executionId(workflow.id(), entry.eventId());

            List<WebhookStatus> delivery = WorkflowsApi.await(statuses, tenant, WebhookStatus.class, "failed",
                    s -> s.stream().anyMatch(w -> w.status().equals(WebhookStatus.FAILED)));
            assertEquals(List.of("pending/0", "retrying/1", "retrying/2", "failed/3"),
                    delivery.stream().map(s -> s.status() + "/" + s.attempt()).toList());
            WebhookStatus failed = delivery.get(3);
            assertNull(failed.httpStatus());
            assertNotNull(failed.error());
            assertTrue(failed.latencyMs() >= 400, "gave up after the step's 0.5 s timeout: " + failed.latencyMs());
            assertEquals(3, receiver.calls().size());

            List<WorkflowEvent> all = WorkflowsApi.await(events, tenant, WorkflowEvent.class, "the failure",
                    e -> e.stream().anyMatch(w -> w.type().equals(WorkflowEvent.EXECUTION_FAILED)));
            assertEquals(List.of("execution.started", "step.started#0", "step.retrying#0", "step.retrying#0",
                    "step.failed#0", "step.skipped#1", "execution.failed"), types(ofExecution(all, execution)));
            WorkflowEvent end = ofExecution(all, execution).get(6);
            assertEquals(WorkflowEvent.FAILED, end.status());
            assertEquals(new WorkflowStats(1, 0, 1, 0), end.stats());
            Deadline.await("the counters", WorkflowsApi.WAIT,
                    () -> store.stats(tenant, workflow.id()).equals(new WorkflowStats(1, 0, 1, 0)));
            WorkflowExecution doc = queue.execution(tenant, execution);
            assertEquals(WorkflowEvent.FAILED, doc.status());
            assertEquals(List.of("failed", "skipped"), doc.steps().stream().map(WorkflowExecution.Step::status)
                    .toList());
        }
    }

    @Test
    void aGeofenceEventReadTwiceStartsOneExecution() throws Exception {
        String tenant = Callers.newTenant("wf-dup");
        try (WebhookReceiver receiver = new WebhookReceiver(call -> 200);
                TopicProbe events = new TopicProbe(bootstrap, Topics.WORKFLOWS_EVENTS.name())) {
            WorkflowsApi.Created workflow = WorkflowsApi.create(tenant,
                    WorkflowsApi.webhookWorkflow("Once", receiver.url("/once"), Map.of("device_pattern", "cart-*")));
            GeofenceEvent entry = WorkflowsApi.event("cart-1", "yard", "entry");
            WorkflowsApi.send(records, tenant, entry);
            WorkflowsApi.send(records, tenant, entry);
            // Same device, same partition: once the marker's execution ended, both copies were read before it.
            GeofenceEvent marker = WorkflowsApi.event("cart-1", "yard", "exit");
            WorkflowsApi.send(records, tenant, marker);
            String markerRun = WorkflowRecords.executionId(workflow.id(), marker.eventId());
            List<WorkflowEvent> all = WorkflowsApi.await(events, tenant, WorkflowEvent.class, "the marker's end",
                    e -> e.stream().anyMatch(w -> w.type().equals(WorkflowEvent.EXECUTION_COMPLETED)
                            && markerRun.equals(w.executionId())));
            String first = WorkflowRecords.executionId(workflow.id(), entry.eventId());
            Deadline.await("the first execution's end", WorkflowsApi.WAIT,
                    () -> WorkflowEvent.COMPLETED.equals(queue.execution(tenant, first).status()));
            assertEquals(2, all.stream().filter(e -> e.type().equals(WorkflowEvent.EXECUTION_STARTED))
                    .map(WorkflowEvent::executionId).distinct().count());
            assertEquals(2, receiver.calls().size(), "one delivery per distinct event");
            assertEquals(2, store.stats(tenant, workflow.id()).executionsStarted());
        }
    }

    @Test
    void aDisabledWorkflowStartsNothing() throws Exception {
        String tenant = Callers.newTenant("wf-off");
        try (WebhookReceiver receiver = new WebhookReceiver(call -> 200);
                TopicProbe events = new TopicProbe(bootstrap, Topics.WORKFLOWS_EVENTS.name())) {
            WorkflowsApi.Created off = WorkflowsApi.create(tenant,
                    WorkflowsApi.webhookWorkflow("Off", receiver.url("/off"), Map.of("event_type", "entry")));
            as(tenant).body("{\"enabled\": false}").patch("/v1/workflows/" + off.id()).then().statusCode(200);
            WorkflowsApi.Created on = WorkflowsApi.create(tenant,
                    WorkflowsApi.webhookWorkflow("On", receiver.url("/on"), Map.of("event_type", "entry")));
            WorkflowsApi.send(records, tenant, WorkflowsApi.event("truck-9", "yard", "entry"));
            List<WorkflowEvent> all = WorkflowsApi.await(events, tenant, WorkflowEvent.class, "the enabled one's end",
                    e -> e.stream().anyMatch(w -> w.type().equals(WorkflowEvent.EXECUTION_COMPLETED)));
            assertEquals(Set.of(on.id()), all.stream().filter(WorkflowEvent::aboutExecution)
                    .map(WorkflowEvent::workflowId).collect(Collectors.toSet()));
            assertEquals(List.of("/on"), receiver.calls().stream().map(WebhookReceiver.Call::path).toList());
        }
    }
}
