package io.streamgate.gateway.transport;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The bytes a session has handed to its socket but not yet seen flushed. Past the limit, new frames
 * are refused rather than queued, so a client that stops reading costs at most its limit; one frame
 * always fits, however large, so a big snapshot is never refused to an idle session.
 */
final class OutboundBudget {

    private final long limitBytes;
    private final long totalLimitBytes;
    private final AtomicLong unflushed = new AtomicLong();
    /**
     * Added to by the engine thread on each frame and by every event loop once per session per turn:
     * an adder, not one atomic counter whose cache line every write would pull across cores. Its sum is
     * read per reservation, so the cap is approximate by what is in flight.
     */
    private final LongAdder allSessions;

    /**
     * @param totalLimitBytes the cap on {@code allSessions}
     * @param allSessions     the gateway-wide total this budget adds its unflushed bytes to
     */
    OutboundBudget(long limitBytes, long totalLimitBytes, LongAdder allSessions) {
        this.limitBytes = limitBytes;
        this.totalLimitBytes = totalLimitBytes;
        this.allSessions = allSessions;
    }

    /** @return false when the frame does not fit and must not be written */
    boolean reserve(long bytes) {
        long now = unflushed.get();
        if (now > 0 && now + bytes > limitBytes) {
            return false;
        }
        long all = allSessions.sum();
        if (all > 0 && all + bytes > totalLimitBytes) {
            return false;
        }
        unflushed.addAndGet(bytes);
        allSessions.add(bytes);
        return true;
    }

    /** By the session's event loop, once per turn for all the turn's writes (or per write for SSE). */
    void release(long bytes) {
        unflushed.addAndGet(-bytes);
        allSessions.add(-bytes);
    }

    /** Half full: the session should get nothing more until it drains. */
    boolean backedUp() {
        return unflushed.get() > limitBytes / 2;
    }
}
