package io.streamgate.gateway.dialect;

import java.util.Optional;

import io.streamgate.gateway.engine.Session;

/** What an endpoint does with an admitted session: subscribe it, and answer it for as long as it lives. */
@FunctionalInterface
public interface Channel {

    /**
     * Called once per admitted connection, on the connection's event loop, before any client message.
     * A channel may refuse the connection here, for what only it can judge (GeonicDB: the tenant in the
     * query), by closing the session; the conversation it returns then gets nothing but {@code closed()}.
     *
     * @return the conversation that gets this session's messages and its end
     */
    Conversation open(Session session, Handshake handshake);

    /**
     * Why a request cannot be served, judged from its handshake alone before any stream starts (a query
     * filter that does not validate): answered {@code 400} with a problem document, before the upgrade or
     * the SSE stream. Called on the event loop; must not block. Empty to serve it.
     */
    default Optional<String> refusal(Handshake handshake) {
        return Optional.empty();
    }
}
