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
 * once the client is closed), closes it as a slow consumer once that budget is full rather than skip a safety
 * event, and a reading client of the same tenant is not held up meanwhile. The 1013 close frame (SkySpy's "try
 * again later") queues behind what the client does not read; the client stays frozen past
 * {@code unread-close-timeout}, so the gateway aborts the TCP connection and its socket is gone. When the
 * client reads again it finds its connection failed, comes back with the id of the last event it processed,
 * and ends with every event, once, in order.
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
    /**
     * The gateway's {@code streamgate.gateway.events.replay-buffer-events} here (10,000 by default): the feed's
     * in-memory history is full before the heap is first measured, so that what it grows by is the stalled
     * client and not the history filling; the stalled client's resume is then read back from Kafka.
     */
    private static final int REPLAY_BUFFER_EVENTS = 500;
    /** The gateway's {@code streamgate.gateway.engine.unread-close-timeout} here (10 s by default). */
    private static final Duration UNREAD_CLOSE_TIMEOUT = Duration.ofSeconds(2);

    private static Stack stack;
    private static ServiceProcess gateway;

    private static String gatewayJvmArgs;

    @BeforeAll
    static void start() {
        gatewayJvmArgs = System.getProperty(Service.GATEWAY.jvmArgsProperty(), "");
        System.setProperty(Service.GATEWAY.jvmArgsProperty(),
                gatewayJvmArgs + " -Dstreamgate.gateway.engine.session-buffer-bytes=" + SESSION_BUDGET
                        + " -Dstreamgate.gateway.engine.unread-close-timeout=" + UNREAD_CLOSE_TIMEOUT.toMillis() + "ms"
                        + " -Dstreamgate.gateway.events.replay-buffer-events=" + REPLAY_BUFFER_EVENTS);
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
    void aStalledClientCostsAtMostItsBudgetIsDroppedAndResumesWithEveryEvent() {
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
                Deadline.await("the feed's history full", WAIT,
                        () -> feed.accepted().size() >= 2 * REPLAY_BUFFER_EVENTS);
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
                // Never "closed 1013": that frame waited behind what the client did not read, and was aborted with it.
                assertTrue(first.end().startsWith("connection failed"), "the stalled connection's end: "
                        + stalled.connections());
                assertTrue(JvmTools.metric(JvmTools.metrics(gateway.url()),
                        "streamgate_gateway_connections_dropped_total", "") >= 1, "the gateway counted the drop");
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
