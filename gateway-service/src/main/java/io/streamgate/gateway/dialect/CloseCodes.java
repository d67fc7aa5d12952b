package io.streamgate.gateway.dialect;

import io.streamgate.gateway.engine.Refusal;

/**
 * The close code a dialect's clients expect for each refusal. Codes outside 1000–4999 or reserved by
 * RFC 6455 (1004–1006, 1015) are rejected when the dialect is built, not when a client is closed.
 */
public record CloseCodes(int unauthorized, int tokenExpired, int heartbeatTimeout, int slowConsumer, int forbidden,
        int messageTooBig, int goingAway, int authTimeout, int tooManyPending, int notFound) {

    /** For dialects whose channels never name a resource that may not exist: not found closes as "policy violation". */
    public CloseCodes(int unauthorized, int tokenExpired, int heartbeatTimeout, int slowConsumer, int forbidden,
            int messageTooBig, int goingAway, int authTimeout, int tooManyPending) {
        this(unauthorized, tokenExpired, heartbeatTimeout, slowConsumer, forbidden, messageTooBig, goingAway, authTimeout,
                tooManyPending, 1008);
    }

    /** For dialects without first-message auth: its two refusals close as "policy violation". */
    public CloseCodes(int unauthorized, int tokenExpired, int heartbeatTimeout, int slowConsumer, int forbidden,
            int messageTooBig, int goingAway) {
        this(unauthorized, tokenExpired, heartbeatTimeout, slowConsumer, forbidden, messageTooBig, goingAway, 1008,
                1008);
    }

    public CloseCodes {
        for (int code : new int[] { unauthorized, tokenExpired, heartbeatTimeout, slowConsumer, forbidden,
                messageTooBig, goingAway, authTimeout, tooManyPending, notFound }) {
            if (code < 1000 || code > 4999 || (code >= 1004 && code <= 1006) || code == 1015) {
                throw new IllegalArgumentException("not a close code a server may send: " + code);
            }
        }
    }

    public int codeFor(Refusal refusal) {
        return switch (refusal) {
            case UNAUTHORIZED -> unauthorized;
            case TOKEN_EXPIRED -> tokenExpired;
            case HEARTBEAT_TIMEOUT -> heartbeatTimeout;
            case SLOW_CONSUMER -> slowConsumer;
            case FORBIDDEN -> forbidden;
            case MESSAGE_TOO_BIG -> messageTooBig;
            case GOING_AWAY -> goingAway;
            case AUTH_TIMEOUT -> authTimeout;
            case TOO_MANY_PENDING -> tooManyPending;
            case NOT_FOUND -> notFound;
        };
    }
}
