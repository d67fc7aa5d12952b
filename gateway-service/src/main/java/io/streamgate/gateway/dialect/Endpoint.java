package io.streamgate.gateway.dialect;

import java.util.Objects;

/**
 * A path a dialect serves and how. Paths are Vert.x route paths ({@code /ws/workflows/:workflowId/}
 * for a path parameter), matched exactly, trailing slash included.
 *
 * @param publicFeed true where anonymous clients may connect in hybrid auth mode
 */
public record Endpoint(String path, Transport transport, boolean publicFeed, Channel channel) {

    public enum Transport {
        /** Bidirectional: the channel's conversations get the client's text messages. */
        WEBSOCKET,
        /** Unidirectional Server-Sent Events: frames arrive SSE-framed; the client never speaks. */
        SSE
    }

    public Endpoint {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(channel, "channel");
    }

    public static Endpoint webSocket(String path, boolean publicFeed, Channel channel) {
        return new Endpoint(path, Transport.WEBSOCKET, publicFeed, channel);
    }

    public static Endpoint sse(String path, boolean publicFeed, Channel channel) {
        return new Endpoint(path, Transport.SSE, publicFeed, channel);
    }
}
