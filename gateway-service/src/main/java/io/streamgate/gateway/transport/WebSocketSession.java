package io.streamgate.gateway.transport;

import java.time.Duration;

import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.UserData;
import io.quarkus.websockets.next.WebSocketConnection;
import io.streamgate.gateway.engine.Session;
import io.streamgate.platform.identity.Identity;

/**
 * A WebSocket connection as an engine session, with a bounded outbound buffer: bytes handed to the
 * socket but not yet flushed are counted, and past the limit new frames are refused rather than
 * queued, so a client that stops reading costs at most its limit.
 */
public final class WebSocketSession implements Session {

    /** Where an endpoint keeps the session of a connection. */
    public static final UserData.TypedKey<WebSocketSession> KEY = new UserData.TypedKey<>("streamgate.session");

    private final WebSocketConnection connection;
    private final Identity identity;
    private final OutboundBudget budget;
    private final TransportMetrics metrics;
    private volatile long lastHeardNanos = System.nanoTime();

    public WebSocketSession(WebSocketConnection connection, Identity identity, long limitBytes,
            TransportMetrics metrics) {
        this.connection = connection;
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
    public boolean send(String frame) {
        if (connection.isClosed()) {
            return true;
        }
        // JSON frames are ASCII but for the odd callsign: length is a close enough measure of bytes.
        long size = frame.length();
        if (!budget.reserve(size)) {
            metrics.refused();
            return false;
        }
        connection.sendText(frame).subscribe().with(
                sent -> {
                    budget.release(size);
                    metrics.sent(size);
                },
                failed -> budget.release(size));
        return true;
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
