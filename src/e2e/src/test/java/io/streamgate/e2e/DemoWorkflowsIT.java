package io.streamgate.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.streamgate.devstack.Deadline;
import io.streamgate.devstack.DemoWebhookReceiver;
import io.streamgate.devstack.DemoWorkflows;
import io.streamgate.devstack.Service;
import io.streamgate.devstack.Stack;
import io.streamgate.devstack.testing.TopicProbe;
import io.streamgate.devstack.traffic.DeviceSimulator;
import io.streamgate.devstack.traffic.TrafficConfig;
import io.streamgate.devstack.traffic.TrafficSource;
import io.streamgate.platform.event.KafkaBinaryBinding;
import io.streamgate.platform.identity.Identity;
import io.streamgate.platform.identity.Role;
import io.streamgate.platform.json.Json;
import io.streamgate.platform.topic.Topics;
import io.streamgate.platform.workflows.WebhookStatus;
import io.streamgate.platform.workflows.WorkflowEvent;

/**
 * What {@code ./mvnw -Pstack} does for the workflow channels, on the packaged ingest and safety services: the
 * launcher's demo workflows, its webhook receiver and the demo devices. The bike starts inside the main
 * station's fence, so its entry runs "Main station traffic" at once: a signed webhook reaches the receiver, and
 * both workflow topics carry the tenant's records.
 */
class DemoWorkflowsIT {

    private static final Duration WAIT = Duration.ofSeconds(90);

    @Test
    void theDemoWorkflowsRunOnTheDemoDevicesAndTheirWebhooksArriveSigned() {
        try (Stack stack = Stack.start(false, EnumSet.of(Service.INGEST, Service.SAFETY))) {
            String tenant = Identity.DEFAULT_TENANT;
            String token = stack.infrastructure().credentials().token(tenant, "demo-it", Set.of(Role.TENANT_ADMIN),
                    Duration.ofMinutes(30));
            String bootstrap = stack.infrastructure().kafka().bootstrapServers();
            List<String> lines = new CopyOnWriteArrayList<>();
            try (DemoWebhookReceiver receiver = new DemoWebhookReceiver(0, line -> {
                        System.out.println(line);
                        lines.add(line);
                    });
                    TopicProbe events = new TopicProbe(bootstrap, Topics.WORKFLOWS_EVENTS.name());
                    TopicProbe statuses = new TopicProbe(bootstrap, Topics.WEBHOOKS_STATUS.name())) {
                assertEquals(2, DemoWorkflows.create(stack.url(Service.SAFETY), token, receiver).size());
                TrafficConfig config = TrafficConfig.of(Map.of("streamgate.traffic.devices.interval", "500ms"));
                try (TrafficSource devices = TrafficSource.start(stack.url(Service.INGEST), token, config,
                        List.of(new DeviceSimulator(config.devices(), config.seed())), Clock.systemUTC(),
                        System.out::println)) {
                    Deadline.await("a signed webhook of the station workflow", WAIT, () -> lines.stream()
                            .anyMatch(l -> l.contains("/hooks/station") && l.contains("signature ok -> 200")));
                }
                assertTrue(lines.stream().noneMatch(l -> l.contains("MISMATCH")), String.join("\n", lines));
                Deadline.await("the delivered status", WAIT, () -> of(statuses.drain(Duration.ofMillis(200)), tenant,
                        WebhookStatus.class).stream().anyMatch(s -> s.status().equals(WebhookStatus.DELIVERED)));
                List<String> types = of(events.drain(Duration.ofMillis(200)), tenant, WorkflowEvent.class).stream()
                        .map(WorkflowEvent::type).toList();
                assertEquals(2, types.stream().filter(WorkflowEvent.WORKFLOW_CREATED::equals).count(), "" + types);
                assertTrue(types.contains(WorkflowEvent.EXECUTION_STARTED), "" + types);
                assertTrue(types.contains(WorkflowEvent.STEP_SUCCEEDED), "" + types);
            }
        }
    }

    private static <T> List<T> of(List<ConsumerRecord<String, byte[]>> records, String tenant, Class<T> type) {
        return records.stream()
                .filter(r -> tenant.equals(KafkaBinaryBinding.get(r.headers(), KafkaBinaryBinding.TENANT)))
                .map(r -> Json.decode(r.value(), type)).toList();
    }
}
