package io.streamgate.gateway.transport;

import java.time.Duration;

import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.UserData;
import io.quarkus.websockets.next.WebSocketConnection;
import io.netty.buffer.Unpooled;
import io.streamgate.gateway.engine.Frame;
import io.streamgate.gateway.engine.Session;
import io.streamgate.platform.identity.Identity;
import io.vertx.core.http.WebSocketBase;
import io.vertx.core.http.WebSocketFrameType;
import io.vertx.core.http.impl.ws.WebSocketFrameImpl;

/**
 * A WebSocket connection as an engine session, with a bounded outbound buffer: bytes handed to the
 * socket but not yet flushed are counted, and past the limit new frames are refused rather than
 * queued, so a client that stops reading costs at most its limit.
 *
 * <p>Frames are written to the Vert.x socket directly, on its event loop, as the frame's own shared
 * bytes (see {@link VertxSockets}); the websockets-next connection is used for everything else.
 */
public final class WebSocketSession implements Session {

    /** Where an endpoint keeps the session of a connection. */
    public static final UserData.TypedKey<WebSocketSession> KEY = new UserData.TypedKey<>("streamgate.session");

    private final WebSocketConnection connection;
    private final WebSocketBase socket;
    private final EventLoopWriter writer;
    private final Identity identity;
    private final OutboundBudget budget;
    private final TransportMetrics metrics;
    private volatile long lastHeardNanos = System.nanoTime();

    /** Called on the connection's context (in its {@code @OnOpen}), whose event loop its writes run on. */
    public WebSocketSession(WebSocketConnection connection, Identity identity, long limitBytes,
            TransportMetrics metrics, EventLoopWriters writers) {
        this.connection = connection;
        this.socket = VertxSockets.of(connection);
        this.writer = writers.ofCurrentConnection();
        this.identity = identity;
        this.budget = metrics.budget(limitBytes);
        this.metrics = metrics;
    }

    @Override
    public String id() {
        return connection.id();
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
    public void heard() {
        lastHeardNanos = System.nanoTime();
    }

    /** How long the client has been silent. */
    public Duration silentFor() {
        return Duration.ofNanos(System.nanoTime() - lastHeardNanos);
    }

    @Override
    public boolean isBackedUp() {
        return budget.backedUp();
    }

    @Override
    public void close(int code, String reason) {
        connection.close(new CloseReason(code, reason)).subscribe().with(ok -> {
        }, failed -> {
        });
    }

    @Override
    public String toString() {
        return "ws:" + connection.id();
    }
}
