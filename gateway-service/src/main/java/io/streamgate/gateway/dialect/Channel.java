package io.streamgate.gateway.dialect;

import io.streamgate.gateway.engine.Session;

/** What an endpoint does with an admitted session: subscribe it, and answer it for as long as it lives. */
@FunctionalInterface
public interface Channel {

    /**
     * Called once per admitted connection, on the connection's event loop, before any client message.
     *
     * @return the conversation that gets this session's messages and its end
     */
    Conversation open(Session session, Handshake handshake);
}
