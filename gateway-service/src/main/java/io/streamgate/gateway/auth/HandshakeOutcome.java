package io.streamgate.gateway.auth;

import io.streamgate.platform.identity.Authenticated;

/**
 * What the handshake proved about a connection. Dialects decide what it means for them (SkySpy closes
 * a refused credential with 4001, GeonicDB with 1008, Haltless expects the token as its first message).
 */
public sealed interface HandshakeOutcome {

    /** No credential was presented. */
    record Anonymous() implements HandshakeOutcome {
    }

    /**
     * A credential was presented and verified.
     *
     * @param recheck how to ask again whether it still holds (API keys, which can be revoked); null for
     *                credentials that only expire
     */
    record Verified(Authenticated caller, CredentialCheck recheck) implements HandshakeOutcome {

        public Verified(Authenticated caller) {
            this(caller, null);
        }
    }

    /** A credential was presented and refused; {@code reason} is safe to log (never the token). */
    record Refused(String reason) implements HandshakeOutcome {
    }
}
