package io.streamgate.platform.identity;

/**
 * A credential that does not prove who the caller is: missing, malformed, expired, badly signed,
 * from another issuer, or a revoked key. The message is safe to show and log: it never contains the
 * credential itself.
 */
public class AuthenticationException extends RuntimeException {

    public AuthenticationException(String message) {
        super(message);
    }
}
