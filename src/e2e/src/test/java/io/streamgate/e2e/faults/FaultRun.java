package io.streamgate.e2e.faults;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import io.streamgate.devstack.Deadline;

/**
 * Clients on every feed of a {@link DialectFeeds} while the feeds run, and the verdict on what each client
 * received. A client is judged from the first event it received on: an event published before its subscription
 * was live is not its to miss; every accepted event after that one is.
 */
final class FaultRun implements AutoCloseable {

    private final List<DialectFeeds.Pair> pairs;
    private final List<ResumingClient> clients = new ArrayList<>();

    FaultRun(List<DialectFeeds.Pair> pairs, Supplier<URI> gateway, Duration wait) {
        this.pairs = pairs;
        for (DialectFeeds.Pair pair : pairs) {
            clients.add(ResumingClient.start(pair.endpoint(), gateway));
        }
        clients.forEach(c -> c.awaitConnected(wait));
    }

    List<ResumingClient> clients() {
        return clients;
    }

    /** Starts every feed, one event per {@code every} each. */
    void startFeeds(Duration every) {
        pairs.forEach(p -> p.feed().start(every));
    }

    void stopFeeds() {
        pairs.forEach(p -> p.feed().stop());
    }

    /** Waits until every client has received {@code more} feed events beyond what it has now. */
    void awaitProgress(int more, Duration wait) {
        List<Integer> now = clients.stream().map(c -> c.seen().size()).toList();
        for (int i = 0; i < clients.size(); i++) {
            clients.get(i).awaitCount(now.get(i) + more, wait);
        }
    }

    /** Waits until every feed has accepted {@code more} events beyond what it has accepted now. */
    void awaitPublished(int more, Duration wait) {
        for (DialectFeeds.Pair pair : pairs) {
            int target = pair.feed().accepted().size() + more;
            Deadline.await(pair.feed().name() + ": " + target + " accepted", wait,
                    () -> pair.feed().accepted().size() >= target);
        }
    }

    /**
     * After {@link #stopFeeds()}: waits for every client to have every accepted event, then judges each; fails
     * naming every inexact one. Returns the verdicts for the report.
     */
    List<Delivery> judge(Duration wait) {
        List<Delivery> verdicts = new ArrayList<>();
        for (int i = 0; i < pairs.size(); i++) {
            LiveFeed feed = pairs.get(i).feed();
            ResumingClient client = clients.get(i);
            List<FeedEvent> seen = client.seen();
            assertTrue(!seen.isEmpty(), client.name() + " received nothing; connections: " + client.connections());
            long first = seen.get(0).n();
            List<FeedEvent> due = feed.accepted().stream().filter(e -> e.n() >= first).toList();
            try {
                client.awaitAll(due, wait);
            } catch (IllegalStateException late) {
                // judged below: the verdict names what is missing
            }
            verdicts.add(Delivery.judge(client.name(), due, feed.refused(), client.seen()));
        }
        verdicts.forEach(v -> System.out.println("  " + v));
        List<Delivery> inexact = verdicts.stream().filter(v -> !v.exact()).toList();
        assertTrue(inexact.isEmpty(), "inexact deliveries: " + inexact + "; connections: " + connectionsReport());
        return verdicts;
    }

    /** Per client: how many connections, and how long each resumed one took to its first event. */
    String connectionsReport() {
        StringBuilder report = new StringBuilder();
        for (ResumingClient client : clients) {
            report.append(String.format(Locale.ROOT, "%n  %s:", client.name()));
            for (ResumingClient.Connection c : client.connections()) {
                report.append(String.format(Locale.ROOT, " [%s%s, first event %.0f ms, %s]", c.gateway().getPort(),
                        c.resumedFrom() == null ? "" : " resumed", c.firstEventMillis(), c.end()));
            }
        }
        return report.toString();
    }

    /** The resumed connections' time from request to first (missed) event, in milliseconds. */
    List<Double> resumeLatencies() {
        List<Double> latencies = new ArrayList<>();
        for (ResumingClient client : clients) {
            for (ResumingClient.Connection c : client.connections()) {
                if (c.resumedFrom() != null && c.firstEventMillis() >= 0) {
                    latencies.add(c.firstEventMillis());
                }
            }
        }
        return latencies;
    }

    @Override
    public void close() {
        clients.forEach(ResumingClient::close);
        pairs.forEach(p -> p.feed().close());
    }
}
