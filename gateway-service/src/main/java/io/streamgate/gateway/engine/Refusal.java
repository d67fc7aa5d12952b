package io.streamgate.gateway.engine;

/**
 * Why the gateway ends a session. The engine and the transports name the reason; each dialect's
 * {@code CloseCodes} says which close code its clients expect for it.
 */
public enum Refusal {
    /** No credential where one is needed, or a refused one. */
    UNAUTHORIZED,
    /** The credential ran out while the connection was open. */
    TOKEN_EXPIRED,
    /** The client fell silent: no frame, no pong. */
    HEARTBEAT_TIMEOUT,
    /** The client cannot take a feed that is never dropped; it resumes from its last event id. */
    SLOW_CONSUMER,
    /** A first-message-auth connection sent no token in time. */
    AUTH_TIMEOUT,
    /** Too many connections from one client address are waiting to authenticate. */
    TOO_MANY_PENDING,
    /** The authenticated caller may not use this endpoint. */
    FORBIDDEN,
    /** What the client asked for (a workflow, an execution) does not exist, or is not its tenant's. */
    NOT_FOUND,
    /** A client frame over the dialect's limit. */
    MESSAGE_TOO_BIG,
    /** The gateway is shutting down. */
    GOING_AWAY
}
