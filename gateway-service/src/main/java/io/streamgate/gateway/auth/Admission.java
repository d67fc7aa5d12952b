package io.streamgate.gateway.auth;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.streamgate.platform.identity.Identity;

/** Decides, from the handshake and the auth mode, whether a connection may use a feed and as whom. */
@ApplicationScoped
public class Admission {

    private final GatewayAuthConfig config;

    Admission(GatewayAuthConfig config) {
        this.config = config;
    }

    /** The decision; a dialect turns a denial into its own close code. */
    public sealed interface Decision {
    }

    /**
     * @param expiresAt when the credential runs out (the connection must close then); null for none
     * @param recheck   how to ask, while the connection lives, whether its credential was revoked; null for none
     */
    public record Admitted(Identity identity, Instant expiresAt, CredentialCheck recheck) implements Decision {

        public Admitted(Identity identity, Instant expiresAt) {
            this(identity, expiresAt, null);
        }
    }

    public record Denied(String reason) implements Decision {
    }

    /** @param publicFeed true for feeds anonymous clients may read in hybrid mode (aircraft, stats, …) */
    public Decision admit(HandshakeOutcome outcome, boolean publicFeed) {
        if (outcome instanceof HandshakeOutcome.Verified verified) {
            return new Admitted(verified.caller().identity(), verified.caller().expiresAt(), verified.recheck());
        }
        if (outcome instanceof HandshakeOutcome.Refused refused) {
            return new Denied(refused.reason());
        }
        boolean anonymousAllowed = switch (config.mode()) {
            case PUBLIC -> true;
            case HYBRID -> publicFeed;
            case PRIVATE -> false;
        };
        return anonymousAllowed ? new Admitted(Identity.anonymous(Identity.DEFAULT_TENANT), null)
                : new Denied("authentication required");
    }
}
