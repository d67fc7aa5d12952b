package io.streamgate.platform.identity;

import java.security.PublicKey;
import java.time.Duration;
import java.util.Optional;

/**
 * What a JWT must satisfy.
 *
 * @param issuer     the required {@code iss}
 * @param audience   the required {@code aud}, when set
 * @param publicKey  verifies RS256/ES256 signatures, when set
 * @param hmacSecret verifies HS256 signatures (Django SimpleJWT style), when set; at least 32 bytes
 * @param clockSkew  tolerance on {@code exp}/{@code nbf}
 * @param jwks       an OIDC issuer's published keys (RS256/ES256), when set; alongside {@code publicKey}
 */
public record JwtSettings(String issuer, Optional<String> audience, Optional<PublicKey> publicKey,
        Optional<byte[]> hmacSecret, Duration clockSkew, Optional<JwksSource> jwks) {

    public JwtSettings(String issuer, Optional<String> audience, Optional<PublicKey> publicKey,
            Optional<byte[]> hmacSecret, Duration clockSkew) {
        this(issuer, audience, publicKey, hmacSecret, clockSkew, Optional.empty());
    }

    public JwtSettings {
        if (issuer == null || issuer.isBlank()) {
            throw new IllegalArgumentException("a JWT issuer must be configured");
        }
        if (publicKey.isEmpty() && hmacSecret.isEmpty() && jwks.isEmpty()) {
            throw new IllegalArgumentException("configure a public key, a JWKS location or an HMAC secret to verify JWTs");
        }
        if (hmacSecret.isPresent() && hmacSecret.get().length < 32) {
            throw new IllegalArgumentException("an HS256 secret must be at least 32 bytes");
        }
    }
}
