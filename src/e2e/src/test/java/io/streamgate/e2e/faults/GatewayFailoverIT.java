package io.streamgate.e2e.faults;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.streamgate.devstack.Service;
import io.streamgate.devstack.ServiceProcess;
import io.streamgate.devstack.Stack;
import io.streamgate.platform.identity.Role;

/**
 * Two gateway replicas over one Kafka (each reads every partition: broadcast), and clients of every dialect
 * moving from one to the other while the feeds keep running — by their own choice (issue #17: a reconnect to
 * another replica resumes exactly) and because the first gateway was SIGKILLed (issue #21: zero missed safety
 * events, alerts, job events and entity changes). A resume id holds a position per Kafka partition, so either
 * replica can answer it.
 */
@Timeout(value = 4, unit = java.util.concurrent.TimeUnit.MINUTES)
class GatewayFailoverIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    /** Per feed: 10 events a second, six feeds, while the clients come and go. */
    private static final Duration PACE = Duration.ofMillis(100);

    private static Stack stack;
    private static ServiceProcess first;
    private static ServiceProcess second;

    @BeforeAll
    static void startTwoGateways() {
        stack = Stack.start(false, EnumSet.of(Service.GATEWAY, Service.INGEST));
        first = stack.process(Service.GATEWAY);
        second = stack.startReplica(Service.GATEWAY);
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    /** A scenario that killed a gateway leaves it down: the next one starts with two again. */
    @BeforeEach
    void twoGatewaysUp() {
        if (!first.isAlive()) {
            first = stack.relaunch(first);
        }
        if (!second.isAlive()) {
            second = stack.relaunch(second);
        }
    }

    @Test
    void aClientThatLeavesOneGatewayResumesOnTheOtherFromItsLastIdExactly() {
        String tenant = "failover_resume";
        AtomicReference<URI> balancer = new AtomicReference<>(first.url());
        try (DialectFeeds feeds = feeds(tenant);
                FaultRun run = new FaultRun(feeds.all(), balancer::get, WAIT)) {
            run.startFeeds(PACE);
            run.awaitProgress(5, WAIT);

            run.clients().forEach(ResumingClient::disconnect);
            // A gap for the resume to fill: events published while nobody of the tenant was connected.
            run.awaitPublished(10, WAIT);
            balancer.set(second.url());
            run.clients().forEach(ResumingClient::resume);
            run.awaitProgress(10, WAIT);
            run.stopFeeds();

            System.out.println("Resume on the second gateway (" + tenant + "):");
            run.judge(WAIT);
            assertEveryClientResumedOn(run, second, 1);
            report("resume on the other replica", run);
        }
    }

    @Test
    void sigkillingAGatewayMovesEveryDialectsClientsToTheOtherWithNothingMissed() throws Exception {
        String tenant = "failover_sigkill";
        AtomicReference<URI> balancer = new AtomicReference<>(second.url());
        try (DialectFeeds feeds = feeds(tenant);
                FaultRun run = new FaultRun(feeds.all(), balancer::get, WAIT)) {
            run.startFeeds(PACE);
            run.awaitProgress(5, WAIT);

            // The load balancer notices the dead pod; the clients notice their connection is gone.
            balancer.set(first.url());
            long pid = second.pid();
            second.kill();
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "gateway SIGKILLed");
            run.awaitProgress(10, WAIT);
            run.stopFeeds();

            System.out.println("SIGKILL of a gateway (" + tenant + "):");
            run.judge(WAIT);
            assertEveryClientResumedOn(run, first, 1);
            report("SIGKILL of the gateway", run);
        }
    }

    private static void assertEveryClientResumedOn(FaultRun run, ServiceProcess gateway, int atLeast) {
        for (ResumingClient client : run.clients()) {
            long resumed = client.connections().stream()
                    .filter(c -> c.resumedFrom() != null && c.gateway().getPort() == gateway.port()).count();
            assertTrue(resumed >= atLeast, client.name() + " resumed on port " + gateway.port() + ": "
                    + run.connectionsReport());
        }
    }

    private static void report(String what, FaultRun run) {
        List<Double> latencies = run.resumeLatencies().stream().sorted().toList();
        double median = latencies.get(latencies.size() / 2);
        double max = latencies.get(latencies.size() - 1);
        System.out.printf(Locale.ROOT, "%s: %d resumed connections, resume to first missed event median %.0f ms, "
                + "max %.0f ms%s%n", what, latencies.size(), median, max, run.connectionsReport());
    }

    private static DialectFeeds feeds(String tenant) {
        String token = stack.infrastructure().credentials().token(tenant, "faults-" + tenant, Set.of(Role.USER),
                Duration.ofMinutes(30));
        return new DialectFeeds(() -> stack.url(Service.INGEST), stack.infrastructure().kafka().bootstrapServers(),
                tenant, token);
    }
}
