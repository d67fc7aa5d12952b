package io.streamgate.gateway.transport;

import java.util.ArrayList;
import java.util.List;
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
 *
 * <p>Sockets write without a promise and without a flush ({@link Settling}): at the end of each turn
 * every socket written to is flushed once and settles its budget once, so the per-write cost is the
 * write alone, not a promise, a listener and a {@code write(2)} each.
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
    /** The sockets written to in the running turn, each once; only on the loop. */
    private final List<Settling> touched = new ArrayList<>();

    /** A socket that wrote during a turn without flushing: flushed and settled once when the turn ends. */
    interface Settling {
        void endOfTurn();
    }

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
        flushed(1, bytes);
    }

    /** On the loop: {@code frames} frames of {@code bytes} in all reached the socket. */
    void flushed(long frames, long bytes) {
        if (draining) {
            flushedFrames += frames;
            flushedBytes += bytes;
        } else {
            counter.add(frames, bytes);
        }
    }

    /**
     * On the loop, during a turn: {@code socket} wrote and wants {@link Settling#endOfTurn} once this
     * turn's writes are done; a socket calls this on its first write of the turn only. Outside a turn
     * (a write run by a test or by the loop itself) it settles at once.
     */
    void touched(Settling socket) {
        if (draining) {
            touched.add(socket);
        } else {
            socket.endOfTurn();
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
            settle();
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

    private void settle() {
        for (int i = 0; i < touched.size(); i++) {
            try {
                touched.get(i).endOfTurn();
            } catch (RuntimeException closing) {
                // A socket that closed under its flush has given its bytes back; the others still settle.
            }
        }
        touched.clear();
    }

    private void countFlushed() {
        if (flushedFrames > 0) {
            counter.add(flushedFrames, flushedBytes);
            flushedFrames = 0;
            flushedBytes = 0;
        }
    }
}
