package io.streamgate.safety.workflows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.streamgate.devstack.Deadline;
import io.streamgate.devstack.DevstackTestResource;
import io.streamgate.devstack.testing.TopicProbe;
import io.streamgate.platform.devices.GeofenceEvent;
import io.streamgate.platform.topic.Topics;
import io.streamgate.platform.workflows.WebhookStatus;
import io.streamgate.platform.workflows.WorkflowEvent;
import io.streamgate.platform.workflows.WorkflowExecution;
import io.streamgate.safety.sensors.Callers;
import io.streamgate.safety.sensors.Outbound;
import io.streamgate.safety.sensors.OutboundWriter;
import io.streamgate.safety.sensors.Records;

/**
 * Two replicas' runners over the real Redis and Kafka, built here so one of them can die: the service's own
 * runner is off in this profile (its consumer still starts executions). Replica A dies after its webhook
 * attempt reached the receiver and before the outcome was durable; replica B finds the execution once A's lease
 * ran out and delivers it again, with the same delivery id.
 */
@QuarkusTest
@TestProfile(ExecutionRestartTest.RunnerOff.class)
@WithTestResource(value = DevstackTestResource.class, scope = TestResourceScope.GLOBAL)
class ExecutionRestartTest {

    static final Duration LEASE = Duration.ofSeconds(3);

    public static class RunnerOff implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("streamgate.safety.workflows.runner.enabled", "false",
                    "streamgate.safety.workflows.runner.lease", LEASE.toMillis() + "ms");
        }
    }

    @Inject
    WorkflowRunner runners;

    @Inject
    ExecutionQueue queue;

    @Inject
    OutboundWriter writer;

    @Test
    void aDeliveryInterruptedByADeadReplicaIsMadeByAnotherAfterTheLease() throws Exception {
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        String tenant = Callers.newTenant("wf-restart");
        try (Records records = new Records(bootstrap);
                WebhookReceiver receiver = new WebhookReceiver(call -> 200);
                TopicProbe statuses = new TopicProbe(bootstrap, Topics.WEBHOOKS_STATUS.name());
                TopicProbe events = new TopicProbe(bootstrap, Topics.WORKFLOWS_EVENTS.name())) {
            WorkflowsApi.Created workflow = WorkflowsApi.create(tenant,
                    WorkflowsApi.webhookWorkflow("Survivor", receiver.url("/survivor"), Map.of()));
            GeofenceEvent entry = WorkflowsApi.event("truck-7", "zrh-airport", "entry");
            WorkflowsApi.send(records, tenant, entry);
            String execution = WorkflowRecords.executionId(workflow.id(), entry.eventId());
            Deadline.await("the started execution", WorkflowsApi.WAIT,
                    () -> queue.execution(tenant, execution) != null);

            // Replica A writes until its first attempt's outcome, then dies: that outcome never becomes durable.
            try (ExecutionRunner a = runners.newRunner(batch -> {
                if (batch.stream().map(Outbound::payload).anyMatch(p -> p instanceof WebhookStatus s
                        && !s.status().equals(WebhookStatus.PENDING))) {
                    throw new IllegalStateException("replica A died");
                }
                writer.sendAndWait(batch);
            })) {
                a.start();
                Deadline.await("replica A's attempt", WorkflowsApi.WAIT, () -> receiver.calls().size() == 1);
            }
            Instant died = receiver.calls().get(0).at();
            WorkflowExecution halfway = queue.execution(tenant, execution);
            assertEquals(WorkflowEvent.RUNNING, halfway.status());
            assertEquals("started", halfway.steps().get(0).status(), "only the pending delivery is durable");

            try (ExecutionRunner b = runners.newRunner(writer::sendAndWait)) {
                b.start();
                List<WebhookStatus> delivery = WorkflowsApi.await(statuses, tenant, WebhookStatus.class,
                        "the delivery by replica B", s -> s.stream().anyMatch(w -> w.status().equals(
                                WebhookStatus.DELIVERED)));
                assertEquals(List.of("pending/0", "delivered/1"),
                        delivery.stream().map(s -> s.status() + "/" + s.attempt()).toList());
                List<WebhookReceiver.Call> calls = receiver.calls();
                assertEquals(2, calls.size(), "delivered again: at least once");
                assertEquals(Set.of(WorkflowRecords.deliveryId(execution, 0)),
                        calls.stream().map(WebhookReceiver.Call::deliveryId).collect(Collectors.toSet()));
                assertTrue(calls.stream().allMatch(c -> c.signedWith(workflow.secret())));
                Duration hidden = Duration.between(died, calls.get(1).at());
                assertTrue(hidden.compareTo(LEASE.minusMillis(500)) >= 0,
                        "replica B waited for A's lease to run out: " + hidden);
                WorkflowsApi.await(events, tenant, WorkflowEvent.class, "the completed execution",
                        e -> e.stream().anyMatch(w -> w.type().equals(WorkflowEvent.EXECUTION_COMPLETED)));
                Deadline.await("the completed document", WorkflowsApi.WAIT,
                        () -> WorkflowEvent.COMPLETED.equals(queue.execution(tenant, execution).status()));
            }
        }
    }

    @Test
    void aReplicaThatLostItsLeaseCannotWriteOverTheOneThatTookOver() {
        String tenant = Callers.newTenant("wf-lease");
        String execution = UUID.randomUUID().toString();
        WorkflowDefinition workflow = new WorkflowDefinition("wf-" + execution, "Lease", true, null,
                List.of(WorkflowDefinition.Step.waitFor(1)), Instant.now(), Instant.now());
        GeofenceEvent event = WorkflowsApi.event("dev-1", "f", "entry");
        RunState run = RunState.first(tenant, execution, workflow, event);
        WorkflowExecution doc = new WorkflowExecution(execution, workflow.id(), WorkflowEvent.RUNNING,
                event.eventId(), Instant.now(), null, List.of());
        assertTrue(queue.start(run, doc, Instant.now()));
        assertFalse(queue.start(run, doc, Instant.now()), "an execution id starts once");

        ExecutionQueue.Claim first = mine(queue.claim(Instant.now(), LEASE, 1000, "replica-a"), execution);
        assertEquals(List.of(), queue.claim(Instant.now(), LEASE, 1000, "replica-b").stream()
                .filter(c -> c.executionId().equals(execution)).toList(), "invisible while leased");
        ExecutionQueue.Claim[] second = new ExecutionQueue.Claim[1];
        Deadline.await("the claim after the lease", Duration.ofSeconds(10), () -> {
            second[0] = mine(queue.claim(Instant.now(), LEASE, 1000, "replica-b"), execution);
            return second[0] != null;
        });
        WorkflowExecution stale = new WorkflowExecution(execution, workflow.id(), WorkflowEvent.FAILED,
                event.eventId(), doc.startedAt(), Instant.now(), List.of());
        assertFalse(queue.commit(first, workflow.id(), new ExecutionQueue.Progress(null, stale, Instant.now(), true,
                WorkflowStore.FAILED)), "replica A's claim is gone");
        assertEquals(WorkflowEvent.RUNNING, queue.execution(tenant, execution).status());
        WorkflowExecution done = new WorkflowExecution(execution, workflow.id(), WorkflowEvent.COMPLETED,
                event.eventId(), doc.startedAt(), Instant.now(), List.of());
        assertTrue(queue.commit(second[0], workflow.id(), new ExecutionQueue.Progress(null, done, Instant.now(), true,
                WorkflowStore.COMPLETED)));
        assertEquals(WorkflowEvent.COMPLETED, queue.execution(tenant, execution).status());
        assertEquals(null, queue.load(second[0]), "a finished execution leaves the queue");
    }

    private static ExecutionQueue.Claim mine(List<ExecutionQueue.Claim> claims, String execution) {
        return claims.stream().filter(c -> c.executionId().equals(execution)).findFirst().orElse(null);
    }
}
