package io.streamgate.service.identity;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.streamgate.platform.identity.TokenIssuingConfig;

/** Who may call: the auth mode and how JWTs are verified. API keys live in Redis. */
@ConfigMapping(prefix = "streamgate.auth")
public interface AuthConfig {

    /**
     * {@code public}: anonymous writes go to the default tenant. {@code hybrid}, {@code private}: writes
     * need a credential.
     */
    @WithDefault("private")
    AuthMode mode();

    Jwt jwt();

    /** Signing of the tokens this service's login and refresh endpoints issue. */
    TokenIssuingConfig tokens();

    interface Jwt {
        /** The required {@code iss} claim. */
        @WithDefault("https://streamgate.local")
        String issuer();

        /** The required {@code aud} claim, when set. */
        Optional<String> audience();

        /** PEM public key (RS256/ES256) inline; takes precedence over {@link #publicKeyLocation()}. */
        Optional<String> publicKey();

        /** File holding the PEM public key (RS256/ES256). */
        Optional<Path> publicKeyLocation();

        /** HS256 shared secret (at least 32 bytes), for Django SimpleJWT-style issuers. */
        Optional<String> hmacSecret();

        /** Tolerance on {@code exp} and {@code nbf}. */
        @WithDefault("30s")
        Duration clockSkew();
    }
}
