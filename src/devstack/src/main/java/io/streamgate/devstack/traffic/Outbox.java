package io.streamgate.devstack.traffic;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Delivers one generator's posts in order. When ingest cannot take a post (down, 503, timeout) the
 * generator's events wait here and go out first on the next tick, with the same body and
 * {@code Idempotency-Key}, so a job's lifecycle reaches Kafka in order and a post ingest did write
 * before the answer was lost is not written twice. Live snapshots are not kept. Logging is one line
 * when delivery starts failing and one when it recovers, never a line per tick.
 */
final class Outbox {

    private record Pending(IngestPost post, String idempotencyKey) {
    }

    private final String name;
    private final String keyPrefix;
    private final int maxPosts;
    private final Consumer<String> log;
    private final Deque<Pending> queue = new ArrayDeque<>();
    private long sequence;
    private long failedAttempts;
    private long droppedDuringOutage;
    private boolean failing;

    final AtomicLong postsDelivered = new AtomicLong();
    final AtomicLong recordsAccepted = new AtomicLong();
    final AtomicLong failures = new AtomicLong();
    final AtomicLong dropped = new AtomicLong();
    final AtomicLong refused = new AtomicLong();
    /** The queue's size for other threads (the queue itself is the ticking thread's alone). */
    private final AtomicInteger pending = new AtomicInteger();

    /**
     * @param keyPrefix unique to this run, so keys never collide with an earlier run's on the same Redis
     * @param maxPosts  event posts kept while ingest is unreachable; the oldest go first beyond that
     */
    Outbox(String name, String keyPrefix, int maxPosts, Consumer<String> log) {
        this.name = name;
        this.keyPrefix = keyPrefix;
        this.maxPosts = maxPosts;
        this.log = log;
    }

    void deliver(List<IngestPost> fresh, IngestClient client) throws InterruptedException {
        for (IngestPost post : fresh) {
            queue.addLast(new Pending(post, post.live() ? null : keyPrefix + "-" + (++sequence)));
        }
        while (queue.size() > maxPosts) {
            queue.removeFirst();
            drop();
        }
        while (!queue.isEmpty()) {
            Pending next = queue.peekFirst();
            IngestClient.Outcome outcome = client.post(next.post().path(), next.post().body(), next.idempotencyKey());
            if (outcome.accepted()) {
                queue.removeFirst();
                postsDelivered.incrementAndGet();
                // A 204 (NGSI) carries no receipt: all of the post's records were taken.
                recordsAccepted.addAndGet(outcome.status() == 204 ? next.post().items() : outcome.acceptedRecords());
                recovered();
            } else if (outcome.transientFailure()) {
                failed(next, outcome);
                break;
            } else {
                queue.removeFirst();
                refused(next, outcome);
            }
        }
        // A receiver's picture of now is worthless on the next tick; the next snapshot replaces it.
        queue.removeIf(p -> {
            if (p.post().live()) {
                drop();
                return true;
            }
            return false;
        });
        pending.set(queue.size());
    }

    int pending() {
        return pending.get();
    }

    private void failed(Pending post, IngestClient.Outcome outcome) {
        failures.incrementAndGet();
        failedAttempts++;
        if (!failing) {
            failing = true;
            log.accept("traffic: " + name + ": ingest unavailable on " + post.post().path() + " (" + outcome.reason()
                    + "); retrying on each tick");
        }
    }

    private void recovered() {
        if (failing) {
            failing = false;
            log.accept("traffic: " + name + ": ingest takes posts again after " + failedAttempts + " failed attempt(s)"
                    + (droppedDuringOutage > 0 ? ", " + droppedDuringOutage + " stale post(s) dropped" : ""));
            failedAttempts = 0;
            droppedDuringOutage = 0;
        }
    }

    private void refused(Pending post, IngestClient.Outcome outcome) {
        long count = refused.incrementAndGet();
        // A refusal is a bug in the generator, not an outage; powers of two keep a repeated one brief.
        if (Long.bitCount(count) == 1) {
            log.accept("traffic: " + name + ": ingest refused a post to " + post.post().path() + ": " + outcome.reason()
                    + "; dropped (" + count + " refused so far)");
        }
    }

    private void drop() {
        dropped.incrementAndGet();
        if (failing) {
            droppedDuringOutage++;
        }
    }
}
