package io.streamgate.gateway.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import io.streamgate.gateway.engine.Frame;
import io.streamgate.gateway.engine.Refusal;
import io.streamgate.gateway.engine.Session;
import io.streamgate.platform.identity.Identity;

/**
 * An engine session that records what it is sent: takes {@code capacity} frames in all, then refuses
 * (counting refusals) until given more room. Waits are on conditions with a deadline.
 */
public final class RecordingSession implements Session {

    private static final Duration WAIT = Duration.ofSeconds(15);

    private final String id;
    private final Identity identity;
    private final List<Frame> frames = new CopyOnWriteArrayList<>();
    public volatile int capacity;
    public volatile int refusals;

    public RecordingSession(String id, int capacity) {
        this(id, capacity, Identity.anonymous("acme"));
    }

    public RecordingSession(String id, int capacity, Identity identity) {
        this.id = id;
        this.capacity = capacity;
        this.identity = identity;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Identity identity() {
        return identity;
    }

    @Override
    public synchronized boolean send(Frame frame) {
        if (frames.size() >= capacity) {
            refusals++;
            notifyAll();
            return false;
        }
        frames.add(frame);
        notifyAll();
        return true;
    }

    @Override
    public boolean isBackedUp() {
        return frames.size() >= capacity;
    }

    public volatile boolean finished;

    @Override
    public void close(Refusal refusal, String reason) {
    }

    @Override
    public synchronized void finish() {
        finished = true;
        notifyAll();
    }

    public Frame frame(int index) {
        return frames.get(index);
    }

    public List<String> texts() {
        return frames.stream().map(Frame::text).toList();
    }

    /** The first frame received (so far or within the deadline) that matches. */
    public synchronized String await(Predicate<String> wanted) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (true) {
            Optional<String> found = texts().stream().filter(wanted).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            long left = end - System.nanoTime();
            assertTrue(left > 0, "no matching frame within " + WAIT + "; got " + texts());
            wait(Math.max(1, left / 1_000_000));
        }
    }

    public synchronized void awaitRefusals(int count) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (refusals < count) {
            long left = end - System.nanoTime();
            assertTrue(left > 0, "no refusal within " + WAIT);
            wait(Math.max(1, left / 1_000_000));
        }
    }
}
