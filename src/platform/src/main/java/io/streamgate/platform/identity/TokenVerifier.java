package io.streamgate.platform.identity;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The one way every service and every dialect turns a presented credential into an identity: API
 * keys by their hash in the key store, anything else as a JWT.
 */
public final class TokenVerifier {

    private final Optional<JwtVerifier> jwt;
    private final ApiKeyLookup keys;

    /** @param jwt empty when no JWT key is configured: then only API keys are accepted */
    public TokenVerifier(Optional<JwtVerifier> jwt, ApiKeyLookup keys) {
        this.jwt = jwt;
        this.keys = keys;
    }

    /**
     * True when verifying a JWT may fetch an issuer's keys over the network (a JWKS is configured), so a
     * caller on an event loop hands JWTs to a worker thread.
     */
    public boolean mayBlock(String token) {
        return jwt.isPresent() && jwt.get().mayBlock() && token != null && !ApiKeys.looksLikeApiKey(token);
    }

    /** Completes with the caller, or exceptionally with an {@link AuthenticationException}. */
    public CompletionStage<Authenticated> verify(String token) {
        if (token == null || token.isBlank()) {
            return CompletableFuture.failedFuture(new AuthenticationException("no token"));
        }
        if (ApiKeys.looksLikeApiKey(token)) {
            return keys.find(ApiKeys.hash(token)).thenApply(found -> found
                    .map(key -> new Authenticated(key.identity(), null))
                    .orElseThrow(() -> new AuthenticationException("unknown or revoked API key")));
        }
        if (jwt.isEmpty()) {
            return CompletableFuture.failedFuture(new AuthenticationException("JWTs are not accepted here"));
        }
        try {
            return CompletableFuture.completedFuture(jwt.get().verify(token));
        } catch (AuthenticationException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
