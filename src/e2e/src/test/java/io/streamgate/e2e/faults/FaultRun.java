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
public final class FaultRun implements AutoCloseable {

    private final List<DialectFeeds.Pair> pairs;
    private final List<ResumingClient> clients = new ArrayList<>();
    /** The feed each client reads, by the client's index. */
    private final List<LiveFeed> feedOf = new ArrayList<>();

    FaultRun(List<DialectFeeds.Pair> pairs, Supplier<URI> gateway, Duration wait) {
        this(pairs, 1, gateway, wait);
    }

    /** {@code perFeed} clients on every feed (a soak's crowd); each asks {@code gateway} where to (re)connect. */
    public FaultRun(List<DialectFeeds.Pair> pairs, int perFeed, Supplier<URI> gateway, Duration wait) {
        this.pairs = pairs;
        for (int i = 0; i < perFeed; i++) {
            for (DialectFeeds.Pair pair : pairs) {
                clients.add(ResumingClient.start(pair.endpoint(), gateway));
                feedOf.add(pair.feed());
            }
        }
        clients.forEach(c -> c.awaitConnected(wait));
    }

    /** How many clients have a connection open now. */
    public int connectedCount() {
        return (int) clients.stream().filter(ResumingClient::isConnected).count();
    }

    public int size() {
        return clients.size();
    }

    /** Events the feeds accepted and refused so far. */
    public String publications() {
        StringBuilder out = new StringBuilder();
        pairs.forEach(p -> out.append(p.feed().name()).append(' ').append(p.feed().outcomes()).append("; "));
        return out.toString();
    }

    List<ResumingClient> clients() {
        return clients;
    }

    /** Starts every feed, one event per {@code every} each. */
    public void startFeeds(Duration every) {
        pairs.forEach(p -> p.feed().start(every));
    }

    public void stopFeeds() {
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
        for (ResumingClient client : clients) {
            assertTrue(!client.seen().isEmpty(), client.name() + " received nothing; connections: "
                    + client.connections());
        }
        List<Delivery> verdicts = verdicts(wait);
        verdicts.forEach(v -> System.out.println("  " + v));
        List<Delivery> inexact = verdicts.stream().filter(v -> !v.exact()).toList();
        assertTrue(inexact.isEmpty(), "inexact deliveries: " + inexact + "; connections: " + connectionsReport());
        return verdicts;
    }

    /**
     * After {@link #stopFeeds()}: waits up to {@code wait} in all for every client to have every accepted event due
     * to it, then judges each, in client order; a client that received nothing is judged on everything accepted.
     */
    public List<Delivery> verdicts(Duration wait) {
        long end = System.nanoTime() + wait.toNanos();
        List<Delivery> verdicts = new ArrayList<>();
        for (int i = 0; i < clients.size(); i++) {
            LiveFeed feed = feedOf.get(i);
            ResumingClient client = clients.get(i);
            List<FeedEvent> seen = client.seen();
            long first = seen.isEmpty() ? Long.MIN_VALUE : seen.get(0).n();
            List<FeedEvent> due = feed.accepted().stream().filter(e -> e.n() >= first).toList();
            try {
                client.awaitAll(due, Duration.ofNanos(Math.max(1, end - System.nanoTime())));
            } catch (IllegalStateException late) {
                // judged below: the verdict names what is missing
            }
            verdicts.add(Delivery.judge(client.name(), due, feed.refused(), client.seen()));
        }
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
