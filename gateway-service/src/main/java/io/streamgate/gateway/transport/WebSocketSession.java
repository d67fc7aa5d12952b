package io.streamgate.gateway.transport;

import java.nio.ByteBuffer;
import java.time.Duration;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameEncoder;
import io.netty.handler.codec.http.websocketx.extensions.WebSocketExtensionEncoder;
import io.netty.handler.codec.http.websocketx.extensions.WebSocketServerExtensionHandler;
import io.netty.handler.timeout.IdleStateHandler;
import io.streamgate.gateway.dialect.CloseCodes;
import io.streamgate.gateway.engine.Frame;
import io.streamgate.gateway.engine.Refusal;
import io.streamgate.gateway.engine.Session;
import io.streamgate.platform.identity.Identity;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;

/**
 * A WebSocket connection as an engine session, with a bounded outbound buffer: bytes handed to the
 * socket but not yet flushed are counted, and past the limit new frames are refused rather than
 * queued, so a client that stops reading costs at most its limit.
 *
 * <p>The transport owns the Vert.x socket (it upgraded it), so frames are written to it directly, on
 * its event loop, as the frame's own shared bytes: no per-socket encoding, copy or cross-thread
 * hand-off per frame (docs/benchmarks.md).
 *
 * <p>The write itself goes to the Netty channel below Vert.x's {@code writeFrame} (a lock, a Vert.x
 * promise and a Netty promise with its listener per write) with the void promise and no flush: the
 * event loop's writer flushes each socket once per turn and the session settles its budget then
 * ({@link #endOfTurn}). A session without an extension (permessage-deflate is off by default,
 * docs/benchmarks.md) writes a shared frame already framed — the frame's one header, in front of its
 * one off-heap copy — from below the WebSocket encoder and the idle-state handler, whose per-write
 * promise and listener it would otherwise cost; with deflate negotiated, the frame goes through the
 * encoders as a text frame so it is compressed.
 */
public final class WebSocketSession implements Session, EventLoopWriter.Settling {

    private final String id;
    private final ServerWebSocket socket;
    private final EventLoopWriter writer;
    private final Identity identity;
    private final CloseCodes closeCodes;
    private final OutboundBudget budget;
    private final TransportMetrics metrics;
    private final CloseDeadline closeDeadline;
    private volatile long lastHeardNanos = System.nanoTime();
    private volatile long lastPingNanos = System.nanoTime();
    /** Where WebSocket frames enter the pipeline (Vert.x's handler): through the encoder and any extension. */
    private final ChannelHandlerContext frames;
    /** Where already-framed bytes enter the pipeline, below the encoder; null while unknown or with an extension. */
    private ChannelHandlerContext framed;
    /** True until the negotiated extensions are known; on the loop only, like the fields below. */
    private boolean wiring = true;
    private long turnBytes;
    private int turnFrames;
    /** This session has closed its socket (the engine may close it too): nothing more is written. */
    private volatile boolean closing;

    /**
     * Created on the socket's event loop, which its writes run on.
     *
     * @param frames the connection's context in the pipeline (Vert.x's handler), where frames are written
     */
    WebSocketSession(String id, ServerWebSocket socket, ChannelHandlerContext frames, EventLoopWriter writer,
            Identity identity,
            CloseCodes closeCodes, long limitBytes, TransportMetrics metrics, CloseDeadline closeDeadline) {
        this.closeDeadline = closeDeadline;
        this.id = id;
        this.socket = socket;
        this.writer = writer;
        this.identity = identity;
        this.closeCodes = closeCodes;
        this.budget = metrics.budget(limitBytes);
        this.metrics = metrics;
        this.frames = frames;
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
        // A data frame after the close frame would break the protocol, and a closed socket's bytes are given
        // back at once. The connection's lock is asked once per turn (Vert.x reads a client's close frame
        // between turns, never during one); a close this session queues in the turn sets closing itself.
        if (closing || turnFrames == 0 && socket.isClosed()) {
            budget.release(size);
            return;
        }
        if (wiring) {
            wire();
        }
        ByteBuffer headed = framed == null ? null : frame.headed(TextFrameHeader::of);
        if (headed != null) {
            framed.write(Unpooled.wrappedBuffer(headed), framed.voidPromise());
        } else {
            // Wraps the frame's bytes (no copy): every socket that gets this frame writes the same memory.
            frames.write(new TextWebSocketFrame(Unpooled.wrappedBuffer(frame.bytes())), frames.voidPromise());
        }
        if (turnFrames++ == 0) {
            writer.touched(this);
        }
        turnBytes += size;
    }

    /**
     * Finds where framed bytes may enter the pipeline, once the handshake has settled which extensions
     * the connection uses (Netty's extension handler installs their encoders once the 101 is written, then
     * leaves the pipeline).
     */
    private void wire() {
        ChannelPipeline pipeline = frames.pipeline();
        if (pipeline.get(WebSocketServerExtensionHandler.class) != null) {
            return;
        }
        wiring = false;
        if (pipeline.get(WebSocketExtensionEncoder.class) != null) {
            return;
        }
        // Below the idle-state handler too: it would turn the void promise into a promise and a listener
        // per write. The client's pongs (a read every ping interval) keep its idle timer alive.
        ChannelHandlerContext below = pipeline.context(IdleStateHandler.class);
        framed = below != null ? below : pipeline.context(WebSocketFrameEncoder.class);
    }

    /**
     * On the loop, once per turn this session wrote in: flushes its writes and gives their bytes back
     * once the kernel has them — at once when the flush wrote everything (the usual case: no promise at
     * all), else when an empty write queued behind them completes.
     */
    @Override
    public void endOfTurn() {
        long bytes = turnBytes;
        int count = turnFrames;
        turnBytes = 0;
        turnFrames = 0;
        frames.flush();
        ChannelOutboundBuffer unflushed = frames.channel().unsafe().outboundBuffer();
        if (unflushed == null) {
            budget.release(bytes);
        } else if (unflushed.totalPendingWriteBytes() == 0) {
            budget.release(bytes);
            writer.flushed(count, bytes);
        } else {
            ChannelHandlerContext below = framed != null ? framed : frames;
            below.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(done -> {
                budget.release(bytes);
                if (done.isSuccess()) {
                    writer.flushed(count, bytes);
                }
            });
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
                } catch (RuntimeException closed) {
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
        closing = true;
        try {
            // The close frame waits behind what the client has not read; a client frozen for too long is dropped.
            closeDeadline.watch(socket.close((short) code, reason), CloseDeadline.aborting(frames));
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
