package io.streamgate.gateway.auth;

import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.streamgate.platform.identity.IssuedTokens;

/**
 * The body of a login or refresh answer, in the OAuth 2.0 spelling the products' clients read
 * ({@code access_token}, {@code token_type}, {@code expires_in} seconds; Spooled adds the refresh lifetime).
 */
@RegisterForReflection
public record TokenGrant(
        @JsonProperty("access_token") String accessToken,
        @JsonProperty("refresh_token") String refreshToken,
        @JsonProperty("token_type") String tokenType,
        @JsonProperty("expires_in") long expiresIn,
        @JsonProperty("refresh_expires_in") long refreshExpiresIn) {

    public static TokenGrant of(IssuedTokens tokens, Instant now) {
        return new TokenGrant(tokens.accessToken(), tokens.refreshToken(), "Bearer",
                Duration.between(now, tokens.accessExpiresAt()).toSeconds(),
                Duration.between(now, tokens.refreshExpiresAt()).toSeconds());
    }
}
