package io.streamgate.gateway.transport;

import java.util.Queue;
import java.util.concurrent.atomic.AtomicBoolean;

import io.netty.util.concurrent.EventExecutor;
import io.netty.util.internal.PlatformDependent;

/**
 * The writes waiting for one event loop. The engine thread hands every socket its frames in a burst
 * once per tick; a task per write would cost each one a wake-up and a queue hand-off on the loop, so
 * the writes queue here and one task per burst runs them all on the loop, where a socket write goes
 * straight to the channel.
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
    private final TransportMetrics metrics;
    /**
     * Frames and bytes flushed since the last drain, touched only on the loop (writes complete on the
     * socket's own loop): two shared counters per write were 6 % of the gateway's samples, so they
     * are added once per drain. A write that completes after its drain is counted at the next one.
     */
    private long flushedFrames;
    private long flushedBytes;

    EventLoopWriter(EventExecutor loop, TransportMetrics metrics) {
        this.loop = loop;
        this.metrics = metrics;
    }

    /** On the loop: a frame of {@code bytes} reached the socket. */
    void flushed(int bytes) {
        flushedFrames++;
        flushedBytes += bytes;
    }

    void submit(Runnable write) {
        writes.add(write);
        if (scheduled.compareAndSet(false, true)) {
            loop.execute(drain);
        }
    }

    private void drain() {
        // Cleared before polling: a write added while this runs either is polled here or schedules
        // the next drain, never neither.
        scheduled.set(false);
        Runnable write;
        while ((write = writes.poll()) != null) {
            write.run();
        }
        if (flushedFrames > 0) {
            metrics.sent(flushedFrames, flushedBytes);
            flushedFrames = 0;
            flushedBytes = 0;
        }
    }
}
