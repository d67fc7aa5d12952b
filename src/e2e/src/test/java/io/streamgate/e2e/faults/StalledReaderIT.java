package io.streamgate.e2e.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.streamgate.devstack.Deadline;
import io.streamgate.devstack.Service;
import io.streamgate.devstack.ServiceProcess;
import io.streamgate.devstack.Stack;
import io.streamgate.e2e.bench.JvmTools;
import io.streamgate.e2e.bench.ProcStats;
import io.streamgate.platform.identity.Role;

/**
 * A SkySpy safety client that stops reading (a frozen app: its connection open, its TCP window closed) while
 * safety events keep coming, against the gateway as a process (with a small session budget). The gateway holds at
 * most the client's outbound budget for it (its heap after a full collection is measured, before the stall and
 * once the client is closed), closes it with 1013 (SkySpy's "try again later") once that budget is full rather
 * than skip a safety event, and a reading client of the same tenant is not held up meanwhile. When the stalled
 * client reads again it takes what waited, sees the close, comes back with the id of the last event it
 * processed, and ends with every event, once, in order.
 */
@Timeout(value = 4, unit = java.util.concurrent.TimeUnit.MINUTES)
class StalledReaderIT {

    private static final Duration WAIT = Duration.ofSeconds(90);
    /** As fast as the feed can publish: the stalled client's budget fills in seconds. */
    private static final Duration PACE = Duration.ofMillis(1);
    /**
     * The gateway's {@code streamgate.gateway.engine.session-buffer-bytes} in this test (1 MiB by default): small,
     * so that the feed fills it in seconds.
     */
    private static final long SESSION_BUDGET = 65_536;

    private static Stack stack;
    private static ServiceProcess gateway;

    private static String gatewayJvmArgs;

    @BeforeAll
    static void start() {
        gatewayJvmArgs = System.getProperty(Service.GATEWAY.jvmArgsProperty(), "");
        System.setProperty(Service.GATEWAY.jvmArgsProperty(),
                gatewayJvmArgs + " -Dstreamgate.gateway.engine.session-buffer-bytes=" + SESSION_BUDGET);
        stack = Stack.start(false, EnumSet.of(Service.GATEWAY, Service.INGEST));
        gateway = stack.process(Service.GATEWAY);
    }

    @AfterAll
    static void stop() {
        System.setProperty(Service.GATEWAY.jvmArgsProperty(), gatewayJvmArgs);
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void aStalledClientCostsAtMostItsBudgetIsClosedWith1013AndResumesWithEveryEvent() {
        String tenant = "stalled_reader";
        String token = stack.infrastructure().credentials().token(tenant, "faults-" + tenant, Set.of(Role.USER),
                Duration.ofMinutes(30));
        try (DialectFeeds feeds = new DialectFeeds(() -> stack.url(Service.INGEST),
                stack.infrastructure().kafka().bootstrapServers(), tenant, token)) {
            DialectFeeds.Pair safety = feeds.skySpySafety();
            LiveFeed feed = safety.feed();
            try (ResumingClient reading = ResumingClient.start(safety.endpoint(), gateway::url);
                    ResumingClient stalled = ResumingClient.start(safety.endpoint(), gateway::url)) {
                reading.awaitConnected(WAIT);
                stalled.awaitConnected(WAIT);
                feed.start(PACE);
                reading.awaitCount(5, WAIT);
                stalled.awaitCount(5, WAIT);
                Deadline.await("both connections counted", WAIT, () -> connections() == 2);
                long heapBefore = heapAfterFullCollection();
                long rssBefore = ProcStats.rssBytes(gateway.pid());

                stalled.stall();
                try {
                    Deadline.await("the gateway closing the stalled client", WAIT, () -> connections() == 1);
                } catch (IllegalStateException notClosed) {
                    String metrics = JvmTools.metrics(gateway.url());
                    throw new AssertionError(String.format(Locale.ROOT, "%s: %d published, the stalled client took %d, "
                            + "the reading one %d, the gateway holds %.0f unflushed bytes", notClosed.getMessage(),
                            feed.accepted().size(), stalled.seen().size(), reading.seen().size(),
                            JvmTools.metric(metrics, "streamgate_gateway_outbound_unflushed_bytes", "")), notClosed);
                }
                int publishedAtClose = feed.accepted().size();
                long heapAtClose = heapAfterFullCollection();
                long rssAtClose = ProcStats.rssBytes(gateway.pid());
                int readByTheOther = reading.seen().size();
                // Events the stalled client misses after its close too: the resume must fill those as well.
                int target = feed.accepted().size() + 200;
                Deadline.await("200 more events", WAIT, () -> feed.accepted().size() >= target);
                stalled.unstall();
                stalled.awaitConnected(WAIT);
                Deadline.await("the client back", WAIT, () -> stalled.connections().size() >= 2 && connections() == 2);
                int more = feed.accepted().size() + 50;
                Deadline.await("50 events after the resume", WAIT, () -> feed.accepted().size() >= more);
                feed.stop();

                System.out.printf(Locale.ROOT, "Stalled reader: %d events published before the gateway closed it; "
                        + "gateway heap after full GC %.1f MB before the stall, %.1f MB at the close (budget %.1f MB); "
                        + "RSS %.1f -> %.1f MB; the reading client had %d events by then%n", publishedAtClose,
                        mb(heapBefore), mb(heapAtClose), mb(SESSION_BUDGET), mb(rssBefore), mb(rssAtClose),
                        readByTheOther);
                for (ResumingClient client : List.of(reading, stalled)) {
                    client.awaitAll(feed.accepted(), WAIT);
                    Delivery verdict = Delivery.judge(client.name(), feed.accepted(), feed.refused(), client.seen());
                    System.out.println("  " + verdict);
                    assertTrue(verdict.exact(), verdict + "; connections: " + client.connections());
                }
                ResumingClient.Connection first = stalled.connections().get(0);
                assertEquals("closed 1013", first.end(), "the stalled connection's end: " + stalled.connections());
                assertEquals(1, reading.connections().size(), "the reading client was never closed");
                assertTrue(stalled.connections().get(1).resumedFrom() != null, "came back with its last id");
                // The gateway held the stalled client's budget, not what it missed: a few times the budget covers
                // the socket buffers and the collector's noise.
                assertTrue(heapAtClose - heapBefore < 4 * SESSION_BUDGET, String.format(Locale.ROOT,
                        "heap grew %.1f MB for one stalled client", mb(heapAtClose - heapBefore)));
            }
        }
    }

    private static long heapAfterFullCollection() {
        JvmTools.jcmd(gateway.pid(), "GC.run");
        return (long) JvmTools.metric(JvmTools.metrics(gateway.url()), "jvm_memory_used_bytes", "area=\"heap\"");
    }

    private static int connections() {
        return (int) JvmTools.metric(JvmTools.metrics(gateway.url()), "streamgate_gateway_connections", "");
    }

    private static double mb(long bytes) {
        return bytes / 1_048_576.0;
    }
}
