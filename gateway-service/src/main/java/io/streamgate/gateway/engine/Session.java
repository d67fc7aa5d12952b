package io.streamgate.gateway.engine;

import io.streamgate.platform.identity.Identity;

/**
 * One client connection as the engine sees it, whatever the transport (WebSocket, SSE) and dialect.
 * Implementations must be cheap to call from the engine thread: {@link #send} never blocks.
 */
public interface Session {

    String id();

    Identity identity();

    /**
     * Queues a pre-encoded frame for the client. The same frame may go to many sessions: an
     * implementation writes its bytes as they are and never modifies them.
     *
     * @return false when the session's outbound buffer is full and the frame was not queued
     */
    boolean send(Frame frame);

    /** Queues a frame meant for this session alone (a reply, a notice). */
    default boolean send(String frame) {
        return send(Frame.of(frame));
    }

    /** True while frames written earlier are still waiting to reach the socket beyond the session's limit. */
    boolean isBackedUp();

    /** Closes the session with the code its dialect gives {@code refusal}. */
    void close(Refusal refusal, String reason);

    /**
     * Ends the stream normally once the frames queued so far are written, because it has nothing more to
     * say (the SSE stream of a job that finished): WebSocket closes with 1000, SSE ends the response.
     */
    void finish();
}
