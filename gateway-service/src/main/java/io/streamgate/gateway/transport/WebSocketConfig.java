package io.streamgate.gateway.transport;

import java.time.Duration;
import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The WebSocket transport's limits, shared by every dialect. */
@ConfigMapping(prefix = "streamgate.gateway.websocket")
public interface WebSocketConfig {

    /**
     * The largest text message a client may send (all its fragments together), 10 MB as SkySpy
     * documents. A larger one gets the dialect's error message, then a close with 1009 (or the
     * dialect's code for a message too big); nothing the client sent before is lost.
     */
    @WithDefault("10485760")
    int maxMessageBytes();

    /**
     * The largest single frame the server reads before it can answer at all: a frame over this is cut
     * off by the WebSocket decoder with a bare 1009 and no dialect message. Above
     * {@code max-message-bytes} so an over-limit message in one frame still gets its answer.
     */
    @WithDefault("16777216")
    int maxFrameBytes();

    /**
     * How often the server pings every connection, so silent-but-alive clients answer with pongs and
     * dead ones are found; {@code 0s} switches pings off (a test of the heartbeat timeout does).
     */
    @WithDefault("30s")
    Duration pingInterval();

    /**
     * Subprotocols the server selects. Browsers can only send a token as a subprotocol
     * ({@code access_token, <jwt>}); the server echoes the marker, never the token, or browsers and
     * Node's {@code ws} abort the handshake.
     */
    @WithDefault("access_token,Bearer")
    List<String> subprotocols();

    /**
     * Whether a client may negotiate permessage-deflate (RFC 7692). Off by default: the gateway's
     * WebSocket traffic is fan-out, where compression costs a deflate per socket per frame (the
     * compressor's window is the connection's, so one compressed copy cannot serve every socket) on
     * the CPU that limits it, and a compressed session cannot be sent the shared pre-framed bytes. On,
     * it saves bytes (JSON batches compress about 5:1) for clients on slow links.
     */
    @WithDefault("false")
    boolean perMessageDeflate();

    FirstMessageAuth firstMessageAuth();

    /** Endpoints whose token arrives as the first message (Haltless). */
    interface FirstMessageAuth {
        /** How long a connection may stay open without sending its token. */
        @WithDefault("10s")
        Duration timeout();

        /**
         * Connections from one client address that may wait for their token at once; one more is
         * closed at once with the dialect's too-many-pending code, so unauthenticated sockets cannot
         * pile up.
         */
        @WithDefault("10")
        int maxPendingPerAddress();
    }
}
