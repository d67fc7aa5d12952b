package io.streamgate.gateway.transport;

import java.util.concurrent.atomic.AtomicBoolean;

import io.netty.buffer.Unpooled;
import io.streamgate.gateway.dialect.CloseCodes;
import io.streamgate.gateway.dialect.Heartbeat;
import io.streamgate.gateway.engine.Frame;
import io.streamgate.gateway.engine.Refusal;
import io.streamgate.gateway.engine.Session;
import io.streamgate.platform.identity.Identity;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;

/**
 * A Server-Sent Events response as an engine session. Frames arrive already in SSE form ({@code id:},
 * {@code event:}, {@code data:} lines). Bounded like a WebSocket session: unflushed bytes are counted
 * and past the limit frames are refused, so a stalled client never holds more than its limit and never
 * slows another.
 */
public final class SseSession implements Session {

    private final String id;
    private final HttpServerResponse response;
    private final Identity identity;
    private final CloseCodes closeCodes;
    private final OutboundBudget budget;
    private final TransportMetrics metrics;
    private final CloseDeadline closeDeadline;
    /** Ends the stream at once, with whatever it still holds: for a client frozen past the close deadline. */
    private final Runnable abort;
    private final Vertx vertx;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicBoolean ended = new AtomicBoolean();
    private volatile Runnable onEnd = () -> {
    };
    private volatile long keepAliveTimer = -1;
    private volatile long heartbeatTimer = -1;

    SseSession(String id, HttpServerResponse response, Identity identity, CloseCodes closeCodes, long limitBytes,
            TransportMetrics metrics, CloseDeadline closeDeadline, Runnable abort, Vertx vertx) {
        this.closeDeadline = closeDeadline;
        this.abort = abort;
        this.id = id;
        this.closeCodes = closeCodes;
        this.response = response;
        this.identity = identity;
        this.budget = metrics.budget(limitBytes);
        this.metrics = metrics;
        this.vertx = vertx;
    }

    /**
     * Starts the stream and its keep-alive comments; {@code onEnd} runs once when the stream ends,
     * whether the client went away or the server closed it (an ended response on a kept-alive
     * connection fires no close handler).
     */
    void start(long keepAliveMillis, Runnable onEnd) {
        this.onEnd = onEnd;
        response.setChunked(true)
                .putHeader("Content-Type", "text/event-stream; charset=utf-8")
                .putHeader("Cache-Control", "no-cache")
                .putHeader("X-Accel-Buffering", "no");
        response.closeHandler(ignored -> ended());
        response.write("retry: 3000\n\n");
        keepAliveTimer = vertx.setPeriodic(keepAliveMillis, timer -> send(": keep-alive\n\n"));
    }

    /** Sends the dialect's heartbeat event now and every interval until the stream ends. */
    void beat(Heartbeat heartbeat) {
        send(heartbeat.sseFrame());
        heartbeatTimer = vertx.setPeriodic(heartbeat.interval().toMillis(), timer -> send(heartbeat.sseFrame()));
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
        if (closed.get()) {
            return true;
        }
        long size = frame.size();
        if (!budget.reserve(size)) {
            metrics.refused();
            return false;
        }
        // The frame's own bytes, wrapped, not copied: every stream that gets it shares them.
        response.write(Buffer.buffer(Unpooled.wrappedBuffer(frame.bytes()))).onComplete(done -> {
            budget.release(size);
            if (done.succeeded()) {
                metrics.sent(size);
            }
        });
        return true;
    }

    @Override
    public boolean isBackedUp() {
        return budget.backedUp();
    }

    /** SSE has no close codes: the code and reason go out as a final {@code close} event, then the stream ends. */
    private void close(int code, String reason) {
        if (closed.compareAndSet(false, true)) {
            cancelTimers();
            String json = "{\"code\":" + code + ",\"reason\":\"" + reason.replace("\"", "'") + "\"}";
            end(response.end("event: close\ndata: " + json + "\n\n"));
            ended();
        }
    }

    @Override
    public void close(Refusal refusal, String reason) {
        close(closeCodes.codeFor(refusal), reason);
    }

    /** Ends the response after the queued events, with no {@code close} event: the stream simply completed. */
    @Override
    public void finish() {
        if (closed.compareAndSet(false, true)) {
            cancelTimers();
            end(response.end());
            ended();
        }
    }

    /**
     * Ends the stream because the server is going away: a last {@code retry:} tells the client how soon to reconnect
     * (its EventSource does so on its own, with its Last-Event-ID), and no {@code close} event, which would tell
     * a dialect's client the server ended the subscription for good.
     */
    void drain(long retryMillis) {
        if (closed.compareAndSet(false, true)) {
            cancelTimers();
            end(response.end("retry: " + retryMillis + "\n\n"));
            ended();
        }
    }

    /** The stream's end waits behind what the client has not read; a client frozen for too long is dropped. */
    private void end(Future<Void> written) {
        closeDeadline.watch(written, abort);
    }

    private void ended() {
        closed.set(true);
        cancelTimers();
        if (ended.compareAndSet(false, true)) {
            onEnd.run();
        }
    }

    private void cancelTimers() {
        vertx.cancelTimer(keepAliveTimer);
        vertx.cancelTimer(heartbeatTimer);
    }

    @Override
    public String toString() {
        return "sse:" + id;
    }
}
