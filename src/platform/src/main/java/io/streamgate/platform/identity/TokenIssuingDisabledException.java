package io.streamgate.platform.identity;

/** This service has no signing key ({@code streamgate.auth.tokens.private-key-location}): it cannot issue tokens. */
public class TokenIssuingDisabledException extends RuntimeException {

    public TokenIssuingDisabledException() {
        super("token issuing is not configured on this service (streamgate.auth.tokens.private-key-location)");
    }
}
