package io.streamgate.gateway.transport;

import java.time.Duration;

import io.netty.buffer.Unpooled;
import io.streamgate.gateway.dialect.CloseCodes;
import io.streamgate.gateway.engine.Frame;
import io.streamgate.gateway.engine.Refusal;
import io.streamgate.gateway.engine.Session;
import io.streamgate.platform.identity.Identity;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocketFrameType;
import io.vertx.core.http.impl.ws.WebSocketFrameImpl;

/**
 * A WebSocket connection as an engine session, with a bounded outbound buffer: bytes handed to the
 * socket but not yet flushed are counted, and past the limit new frames are refused rather than
 * queued, so a client that stops reading costs at most its limit.
 *
 * <p>The transport owns the Vert.x socket (it upgraded it), so frames are written to it directly, on
 * its event loop, as the frame's own shared bytes: no per-socket encoding, copy or cross-thread
 * hand-off per frame (docs/benchmarks.md).
 */
public final class WebSocketSession implements Session {

    private final String id;
    private final ServerWebSocket socket;
    private final EventLoopWriter writer;
    private final Identity identity;
    private final CloseCodes closeCodes;
    private final OutboundBudget budget;
    private final TransportMetrics metrics;
    private volatile long lastHeardNanos = System.nanoTime();
    private volatile long lastPingNanos = System.nanoTime();

    /** Created on the socket's event loop, which its writes run on. */
    WebSocketSession(String id, ServerWebSocket socket, EventLoopWriter writer, Identity identity,
            CloseCodes closeCodes, long limitBytes, TransportMetrics metrics) {
        this.id = id;
        this.socket = socket;
        this.writer = writer;
        this.identity = identity;
        this.closeCodes = closeCodes;
        this.budget = metrics.budget(limitBytes);
        this.metrics = metrics;
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
    public boolean send(Frame frame) {
        // No isClosed() here: it takes the connection's lock, which the loop holds while it writes, on
        // every send. A write to a socket that has closed fails on the loop and gives its bytes back.
        int size = frame.size();
        if (!budget.reserve(size)) {
            metrics.refused();
            return false;
        }
        writer.submit(() -> write(frame, size));
        return true;
    }

    /** On the socket's event loop. */
    private void write(Frame frame, int size) {
        try {
            // Wraps the frame's bytes (no copy): every socket that gets this frame writes the same memory.
            // Vert.x's public factory takes a String (an encoding per socket); this constructor is its
            // own, called directly, so an upgrade that changes it fails the build, not the fan-out.
            var text = new WebSocketFrameImpl(WebSocketFrameType.TEXT, Unpooled.wrappedBuffer(frame.bytes()), true);
            socket.writeFrame(text).onComplete(done -> {
                budget.release(size);
                if (done.succeeded()) {
                    writer.flushed(size);
                }
            });
        } catch (RuntimeException e) {
            // A socket closing under the write: nothing was queued, so nothing stays counted.
            budget.release(size);
        }
    }

    /** The client said something (a frame or a pong): it is alive. */
    void heard() {
        lastHeardNanos = System.nanoTime();
    }

    /** How long the client has been silent. */
    Duration silentFor() {
        return Duration.ofNanos(System.nanoTime() - lastHeardNanos);
    }

    /** Pings the client when the last ping is {@code interval} old; its pong proves it alive. */
    void pingIfDue(long nowNanos, Duration interval) {
        if (nowNanos - lastPingNanos >= interval.toNanos()) {
            lastPingNanos = nowNanos;
            writer.submit(() -> {
                try {
                    socket.writePing(Buffer.buffer());
                } catch (RuntimeException closing) {
                    // Closed since: its close handler ends the session.
                }
            });
        }
    }

    @Override
    public boolean isBackedUp() {
        return budget.backedUp();
    }

    private void close(int code, String reason) {
        try {
            socket.close((short) code, reason);
        } catch (RuntimeException alreadyClosed) {
            // Nothing to do: the close handler has run or will run.
        }
    }

    /** Closes after the frames queued so far are written: an error message goes out before its close. */
    void closeAfterQueued(Refusal refusal, String reason) {
        writer.submit(() -> close(refusal, reason));
    }

    @Override
    public void close(Refusal refusal, String reason) {
        close(closeCodes.codeFor(refusal), reason);
    }

    @Override
    public void finish() {
        writer.submit(() -> close(1000, "Stream complete"));
    }

    @Override
    public String toString() {
        return "ws:" + id;
    }
}
