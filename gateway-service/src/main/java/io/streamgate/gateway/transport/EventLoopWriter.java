package io.streamgate.gateway.transport;

import java.util.Queue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.netty.util.concurrent.EventExecutor;
import io.netty.util.internal.PlatformDependent;

/**
 * The writes waiting for one event loop. The engine thread hands every socket its frames in a burst
 * once per tick; a task per write would cost each one a wake-up and a queue hand-off on the loop, so
 * the writes queue here and one task per burst runs them all on the loop, where a socket write goes
 * straight to the channel. A task runs at most {@code writes-per-turn} writes, then yields the loop
 * to its sockets' reads and runs again.
 */
final class EventLoopWriter {

    private final EventExecutor loop;
    /**
     * Netty's own queue for many producers and one consumer (its event loops' task queue): an array
     * slot per write, where a linked queue allocated and linked a node per write (11 % of the gateway's
     * samples at 10,000 clients, the engine thread racing the loop that drains it).
     */
    private final Queue<Runnable> writes = PlatformDependent.newMpscQueue();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final Runnable drain = this::drain;
    private final int writesPerTurn;
    private final FlushCounter counter;
    /**
     * Frames and bytes flushed during the running drain, touched only on the loop (writes complete on
     * the socket's own loop): two shared counters per write were 6 % of the gateway's samples, so they
     * are added once per drain. A write that completes after its drain (a socket that was not
     * writable) is counted when it completes: there may be no next drain to carry it.
     */
    private long flushedFrames;
    private long flushedBytes;
    /** True while {@link #drain} runs its writes; only on the loop. */
    private boolean draining;

    /** Where flushed frames and bytes are counted. */
    @FunctionalInterface
    interface FlushCounter {
        void add(long frames, long bytes);
    }

    EventLoopWriter(EventExecutor loop, int writesPerTurn, FlushCounter counter) {
        this.loop = loop;
        this.writesPerTurn = writesPerTurn;
        this.counter = counter;
    }

    /** On the loop: a frame of {@code bytes} reached the socket. */
    void flushed(int bytes) {
        if (draining) {
            flushedFrames++;
            flushedBytes += bytes;
        } else {
            counter.add(1, bytes);
        }
    }

    void submit(Runnable write) {
        writes.add(write);
        // A plain read first: during a burst the flag stays set, and a compare-and-set on it would
        // pull its cache line away from the loop on every write.
        if (!scheduled.get() && scheduled.compareAndSet(false, true)) {
            loop.execute(drain);
        }
    }

    private void drain() {
        int turn = writesPerTurn;
        Runnable write;
        draining = true;
        try {
            while (turn-- > 0 && (write = writes.poll()) != null) {
                write.run();
            }
        } finally {
            draining = false;
            countFlushed();
        }
        if (!writes.isEmpty()) {
            // Scheduled, not queued: Netty runs due scheduled tasks after its next pass over the
            // sockets, so the loop reads (pongs, requests) between turns however long the burst; a
            // queued task would run at once, before any read. The flag stays set meanwhile, so writers
            // do not start a second drain.
            loop.schedule(drain, 0, TimeUnit.NANOSECONDS);
            return;
        }
        // Cleared only once the queue is empty, then checked again: a write added meanwhile either
        // saw the flag set (and is polled here) or saw it cleared and scheduled the next drain.
        scheduled.set(false);
        if (!writes.isEmpty() && scheduled.compareAndSet(false, true)) {
            loop.execute(drain);
        }
    }

    private void countFlushed() {
        if (flushedFrames > 0) {
            counter.add(flushedFrames, flushedBytes);
            flushedFrames = 0;
            flushedBytes = 0;
        }
    }
}
