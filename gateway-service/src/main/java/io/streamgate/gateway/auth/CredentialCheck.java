package io.streamgate.gateway.auth;

import java.util.concurrent.CompletionStage;

/**
 * Asks again whether the credential a connection was admitted with still holds. An API key can be revoked
 * while a connection uses it, and has no expiry to close it by; a JWT runs to its {@code exp}. The check
 * holds the credential inside and never shows it, so it can be kept for the connection's life.
 */
@FunctionalInterface
public interface CredentialCheck {

    /**
     * Completes with false only when the credential was positively refused (revoked, unknown); a store
     * that cannot be reached is not a refusal, so an outage of Redis does not drop every connection.
     */
    CompletionStage<Boolean> stillValid();
}
