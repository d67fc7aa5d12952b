package io.streamgate.devstack.traffic;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Sends a whole recording through {@code POST /v1/aircraft} as fast as ingest accepts it: no pacing,
 * large snapshots, a few requests in flight. Each snapshot is posted once; a failed post is counted,
 * not retried, so a caller can tell exactly what reached Kafka. With more than one request in flight
 * an aircraft's fixes may reach Kafka out of time order; its record count does not change.
 */
public final class BulkReplay {

    /**
     * @param rows            rows sent
     * @param snapshots       requests sent
     * @param accepted        records ingest wrote ({@code accepted} of the 202 receipts)
     * @param withoutPosition rows ingest reported without a position ({@code without_position})
     * @param failedPosts     posts that did not get a 202
     * @param firstFailure    why the first one failed, or null
     */
    public record Result(long rows, long snapshots, long accepted, long withoutPosition, long failedPosts,
            String firstFailure, Duration elapsed) {

        public double rowsPerSecond() {
            return rows / Math.max(1e-9, elapsed.toNanos() / 1e9);
        }
    }

    private BulkReplay() {
    }

    /**
     * @param snapshots what to post, in order
     * @param inFlight  requests outstanding at once
     */
    public static Result run(IngestClient client, List<AircraftSnapshot> snapshots, int inFlight)
            throws InterruptedException {
        Semaphore permits = new Semaphore(inFlight);
        AtomicLong accepted = new AtomicLong();
        AtomicLong withoutPosition = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        long rows = 0;
        long started = System.nanoTime();
        for (AircraftSnapshot snapshot : snapshots) {
            // The document's own clock is real time; seen_pos keeps each fix's age in recording time.
            byte[] body = snapshot.toAircraftJson(Instant.now().toEpochMilli(), 1);
            rows += snapshot.size();
            permits.acquire();
            client.postAsync(IngestPost.AIRCRAFT, body).whenComplete((outcome, ignored) -> {
                if (outcome.accepted()) {
                    accepted.addAndGet(outcome.acceptedRecords());
                    withoutPosition.addAndGet(outcome.withoutPosition());
                } else {
                    failed.incrementAndGet();
                    firstFailure.compareAndSet(null, outcome.reason());
                }
                permits.release();
            });
        }
        permits.acquire(inFlight);
        return new Result(rows, snapshots.size(), accepted.get(), withoutPosition.get(), failed.get(),
                firstFailure.get(), Duration.ofNanos(System.nanoTime() - started));
    }
}
