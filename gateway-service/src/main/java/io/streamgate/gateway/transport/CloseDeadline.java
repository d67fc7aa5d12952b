package io.streamgate.gateway.transport;

import jakarta.inject.Singleton;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.streamgate.gateway.engine.EngineConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * The limit on how long a close may wait behind bytes a client does not read
 * ({@code streamgate.gateway.engine.unread-close-timeout}), the same for both transports. A client that
 * stopped reading keeps its TCP window shut, so the close frame or the SSE stream's end never leaves the
 * server and its connection would stay open as long as the client stays frozen; past the limit it is
 * aborted.
 */
@Singleton
public class CloseDeadline {

    private final Vertx vertx;
    private final long timeoutMillis;
    private final TransportMetrics metrics;

    CloseDeadline(Vertx vertx, EngineConfig engine, TransportMetrics metrics) {
        this.vertx = vertx;
        this.timeoutMillis = engine.unreadCloseTimeout().toMillis();
        this.metrics = metrics;
    }

    /**
     * Runs {@code abort} unless {@code closeWritten} — completed once the close has reached the socket —
     * completes in time.
     */
    void watch(Future<?> closeWritten, Runnable abort) {
        if (timeoutMillis <= 0 || closeWritten.isComplete()) {
            return;
        }
        long timer = vertx.setTimer(timeoutMillis, fired -> {
            if (!closeWritten.isComplete()) {
                metrics.dropped();
                abort.run();
            }
        });
        closeWritten.onComplete(done -> vertx.cancelTimer(timer));
    }

    /**
     * Aborts a TCP connection with what it still holds. Vert.x's own close (the connection's handler in the
     * pipeline) first writes out what is queued, which is exactly what a frozen client never takes, so the
     * close starts below it, at the head of the pipeline; no linger, so the kernel resets the connection
     * rather than keep its unsent bytes for a peer that is not reading.
     */
    static Runnable aborting(ChannelHandlerContext connection) {
        return () -> {
            connection.channel().config().setOption(ChannelOption.SO_LINGER, 0);
            connection.pipeline().firstContext().close();
        };
    }
}
