package io.streamgate.e2e.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Live traffic of one kind: numbered events published one after another at a steady pace, each remembered as
 * accepted (the producer was told it is durable: ingest's 2xx, or the broker's acknowledgement) or refused. What
 * a client must receive is what was accepted; a refused event may still show up (at least once after a 503).
 */
abstract class LiveFeed implements AutoCloseable {

    /** The outcome of one publication: accepted, or the HTTP status / error that refused it. */
    record Outcome(boolean accepted, String detail) {

        static final Outcome ACCEPTED = new Outcome(true, "accepted");

        static Outcome http(int status) {
            return new Outcome(status >= 200 && status < 300, String.valueOf(status));
        }
    }

    /** One publication: when it was sent and answered ({@link System#nanoTime()}), and how. */
    record Attempt(FeedEvent event, long sentNanos, long answeredNanos, Outcome outcome) {
    }

    private final String name;
    private final List<Attempt> attempts = new ArrayList<>();
    private final ScheduledExecutorService timer;
    private final List<FeedEvent> accepted = new ArrayList<>();
    private final List<FeedEvent> refused = new ArrayList<>();
    private final Map<String, Integer> outcomes = new TreeMap<>();
    private long next;

    protected LiveFeed(String name) {
        this.name = name;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "live-feed-" + name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Publishes one event every {@code every} (after the previous one was answered) until {@link #stop()}. */
    LiveFeed start(Duration every) {
        timer.scheduleWithFixedDelay(this::publishNext, 0, every.toNanos(), TimeUnit.NANOSECONDS);
        return this;
    }

    /** Stops publishing; returns once the last publication was answered. */
    void stop() {
        timer.shutdown();
        try {
            if (!timer.awaitTermination(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException(name + " still publishing after 60 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    String name() {
        return name;
    }

    synchronized List<FeedEvent> accepted() {
        return List.copyOf(accepted);
    }

    synchronized List<FeedEvent> refused() {
        return List.copyOf(refused);
    }

    synchronized List<Attempt> attempts() {
        return List.copyOf(attempts);
    }

    /** How many publications ended how ("202": 1200, "503": 14, …). */
    synchronized Map<String, Integer> outcomes() {
        return Map.copyOf(outcomes);
    }

    /** The Kafka key of event {@code n}: three keys by default, so order is kept (and judged) per key. */
    protected String keyOf(long n) {
        return "k" + (n % 3);
    }

    /** Publishes {@code event}, blocking until it is accepted or refused. */
    protected abstract Outcome publish(FeedEvent event) throws Exception;

    private void publishNext() {
        long n;
        synchronized (this) {
            n = next++;
        }
        FeedEvent event = new FeedEvent(keyOf(n), n);
        Outcome outcome;
        long sent = System.nanoTime();
        try {
            outcome = publish(event);
        } catch (Exception | AssertionError e) {
            outcome = new Outcome(false, e.getClass().getSimpleName());
        }
        synchronized (this) {
            (outcome.accepted() ? accepted : refused).add(event);
            outcomes.merge(outcome.detail(), 1, Integer::sum);
            attempts.add(new Attempt(event, sent, System.nanoTime(), outcome));
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
