package io.streamgate.gateway.dialect;

import java.util.Objects;

/**
 * A path a dialect serves and how. Paths are Vert.x route paths ({@code /ws/workflows/:workflowId/}
 * for a path parameter), matched exactly, trailing slash included.
 *
 * @param publicFeed true where anonymous clients may connect in hybrid auth mode
 * @param credential where the client's token comes from
 */
public record Endpoint(String path, Transport transport, boolean publicFeed, Credential credential, Channel channel) {

    /** Where a client's token comes from. */
    public enum Credential {
        /**
         * The upgrade request: {@code Authorization: Bearer}, then {@code Sec-WebSocket-Protocol:
         * access_token, <token>}, then {@code ?token=} (where enabled); admitted by the auth mode.
         */
        HANDSHAKE,
        /**
         * The raw token as the connection's first text message (Haltless), WebSocket only. Until it is
         * verified the connection receives nothing and its channel is not opened; none within
         * {@code streamgate.gateway.websocket.first-message-auth.timeout} closes with the dialect's
         * auth-timeout code, a refused one with its unauthorized code.
         */
        FIRST_MESSAGE,
        /**
         * As {@link #HANDSHAKE}, but checked before the upgrade (Spooled): a missing or refused credential is
         * answered {@code 401} with a problem document and no socket is opened, as for an SSE request.
         */
        UPGRADE_REQUEST
    }

    public Endpoint(String path, Transport transport, boolean publicFeed, Channel channel) {
        this(path, transport, publicFeed, Credential.HANDSHAKE, channel);
    }

    public enum Transport {
        /** Bidirectional: the channel's conversations get the client's text messages. */
        WEBSOCKET,
        /** Unidirectional Server-Sent Events: frames arrive SSE-framed; the client never speaks. */
        SSE
    }

    public Endpoint {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(credential, "credential");
        Objects.requireNonNull(channel, "channel");
        if (credential == Credential.FIRST_MESSAGE && transport != Transport.WEBSOCKET) {
            throw new IllegalArgumentException(path + ": first-message auth needs a WebSocket");
        }
    }

    public static Endpoint webSocket(String path, boolean publicFeed, Channel channel) {
        return new Endpoint(path, Transport.WEBSOCKET, publicFeed, channel);
    }

    /** A WebSocket endpoint whose client sends its token as the first message. */
    public static Endpoint webSocketWithFirstMessageAuth(String path, Channel channel) {
        return new Endpoint(path, Transport.WEBSOCKET, false, Credential.FIRST_MESSAGE, channel);
    }

    /** A WebSocket endpoint that refuses a missing or bad credential with HTTP 401 instead of a close code. */
    public static Endpoint webSocketAuthenticatedOnUpgrade(String path, Channel channel) {
        return new Endpoint(path, Transport.WEBSOCKET, false, Credential.UPGRADE_REQUEST, channel);
    }

    public static Endpoint sse(String path, boolean publicFeed, Channel channel) {
        return new Endpoint(path, Transport.SSE, publicFeed, channel);
    }
}
