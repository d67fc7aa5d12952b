package io.streamgate.gateway.dialect;

import io.smallrye.mutiny.Uni;

/**
 * One connection's exchange with a dialect, and the place for its per-connection state. The transport
 * hands it one client message at a time: the next is read only once the previous reply is sent.
 */
public interface Conversation {

    Uni<String> NO_REPLY = Uni.createFrom().nullItem();

    /**
     * A complete text message from the client (WebSocket only), on the connection's event loop.
     *
     * @return the reply to send, or a null item for none
     */
    default Uni<String> text(String message) {
        return NO_REPLY;
    }

    /** The connection is gone (either side closed it); unsubscribe here. Called once. */
    default void closed() {
    }

    /** A conversation that answers nothing and runs {@code onClose} at the end (SSE streams, mostly). */
    static Conversation closing(Runnable onClose) {
        return new Conversation() {
            @Override
            public void closed() {
                onClose.run();
            }
        };
    }
}
