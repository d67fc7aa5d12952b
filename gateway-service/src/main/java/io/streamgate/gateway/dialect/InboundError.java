package io.streamgate.gateway.dialect;

/** Client frames a transport refuses before any dialect code reads them. */
public enum InboundError {
    /** A text message over the WebSocket transport's message limit; the connection is closed after it. */
    MESSAGE_TOO_BIG,
    /** A binary message: every dialect speaks JSON text; the connection stays open. */
    BINARY_NOT_SUPPORTED,
    /**
     * A message over its tenant's rate ({@code streamgate.gateway.tenants.messages}): it is dropped unread and
     * the connection stays open, as SkySpy documents ("Rate limited": clients "may be throttled").
     */
    RATE_LIMITED
}
