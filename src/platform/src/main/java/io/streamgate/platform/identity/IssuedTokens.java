package io.streamgate.platform.identity;

import java.time.Instant;

/**
 * What a login or a refresh hands out.
 *
 * @param accessToken      a signed JWT that {@link JwtVerifier} accepts
 * @param accessExpiresAt  its {@code exp}
 * @param refreshToken     opaque and single-use; only its hash is stored
 * @param refreshExpiresAt when it stops working even unused
 */
public record IssuedTokens(String accessToken, Instant accessExpiresAt, String refreshToken, Instant refreshExpiresAt) {
}
