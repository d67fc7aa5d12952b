package io.streamgate.platform.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.vertx.redis.client.Redis;

/**
 * Issues the tokens the products' login and refresh endpoints hand out: an RS256 access JWT with the
 * claims {@link JwtVerifier} reads ({@code sub}, {@code tenant}, {@code roles}, {@code is_superuser},
 * {@code exp}, {@code jti}), and an opaque refresh token that is single-use (each refresh consumes it and
 * hands out a new pair) and revocable. Signing is SmallRye JWT's; only the hash of a refresh token is kept.
 */
public final class TokenIssuer {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String REFRESH_PREFIX = "rt_";

    private final Optional<PrivateKey> signingKey;
    private final String issuer;
    private final Optional<String> audience;
    private final Duration accessTtl;
    private final Duration refreshTtl;
    private final RedisRefreshTokens refreshTokens;
    private final Clock clock;

    public TokenIssuer(Optional<PrivateKey> signingKey, String issuer, Optional<String> audience, Duration accessTtl,
            Duration refreshTtl, RedisRefreshTokens refreshTokens, Clock clock) {
        this.signingKey = signingKey;
        this.issuer = issuer;
        this.audience = audience;
        this.accessTtl = accessTtl;
        this.refreshTtl = refreshTtl;
        this.refreshTokens = refreshTokens;
        this.clock = clock;
    }

    /** A service's issuer, from its {@code streamgate.auth.tokens.*} and {@code streamgate.auth.jwt.*} settings. */
    public static TokenIssuer from(TokenIssuingConfig config, String issuer, Optional<String> audience, Redis redis) {
        Optional<PrivateKey> key = config.privateKeyLocation().map(TokenIssuer::readKey);
        return new TokenIssuer(key, issuer, audience, config.accessTtl(), config.refreshTtl(),
                new RedisRefreshTokens(redis), Clock.systemUTC());
    }

    /** False when no signing key is configured: every call then fails with {@link TokenIssuingDisabledException}. */
    public boolean enabled() {
        return signingKey.isPresent();
    }

    /** A fresh pair for a caller whose credential (password, API key) was just checked. */
    public CompletionStage<IssuedTokens> issue(Identity identity) {
        if (signingKey.isEmpty()) {
            return CompletableFuture.failedFuture(new TokenIssuingDisabledException());
        }
        Instant now = clock.instant();
        Instant accessExpiresAt = now.plus(accessTtl);
        Instant refreshExpiresAt = now.plus(refreshTtl);
        String access = sign(identity, now, accessExpiresAt);
        String refresh = REFRESH_PREFIX + randomToken();
        return refreshTokens.save(ApiKeys.hash(refresh), RefreshGrant.of(identity), refreshTtl)
                .thenApply(saved -> new IssuedTokens(access, accessExpiresAt, refresh, refreshExpiresAt));
    }

    /**
     * A new pair for the holder of {@code refreshToken}, which stops working.
     *
     * @return fails with {@link AuthenticationException} when the token is unknown, used, revoked or expired
     */
    public CompletionStage<IssuedTokens> refresh(String refreshToken) {
        if (signingKey.isEmpty()) {
            return CompletableFuture.failedFuture(new TokenIssuingDisabledException());
        }
        if (refreshToken == null || !refreshToken.startsWith(REFRESH_PREFIX)) {
            return CompletableFuture.failedFuture(new AuthenticationException("refresh token malformed"));
        }
        return refreshTokens.take(ApiKeys.hash(refreshToken)).thenCompose(grant -> grant
                .map(found -> issue(found.identity()))
                .orElseGet(() -> CompletableFuture.failedFuture(
                        new AuthenticationException("refresh token unknown, already used, revoked or expired"))));
    }

    /** Makes {@code refreshToken} unusable (logout); revoking an unknown token is not an error. */
    public CompletionStage<Void> revoke(String refreshToken) {
        if (refreshToken == null || !refreshToken.startsWith(REFRESH_PREFIX)) {
            return CompletableFuture.completedFuture(null);
        }
        return refreshTokens.delete(ApiKeys.hash(refreshToken));
    }

    private String sign(Identity identity, Instant now, Instant expiresAt) {
        JwtClaimsBuilder claims = Jwt.issuer(issuer)
                .subject(identity.subject())
                .claim("jti", UUID.randomUUID().toString())
                .claim("tenant", identity.tenant())
                .claim("roles", identity.roles().stream().map(Role::wireName).toList())
                .issuedAt(now)
                .expiresAt(expiresAt);
        if (identity.superuser()) {
            claims.claim("is_superuser", true);
        }
        audience.ifPresent(claims::audience);
        return claims.jws().algorithm(SignatureAlgorithm.RS256).sign(signingKey.get());
    }

    private static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static PrivateKey readKey(Path location) {
        try {
            return Pem.privateKey(Files.readString(location));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the token signing key " + location, e);
        }
    }
}
