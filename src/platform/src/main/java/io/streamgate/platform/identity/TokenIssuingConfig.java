package io.streamgate.platform.identity;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.WithDefault;

/**
 * How a service that issues tokens (the products' login and refresh endpoints) signs them: the
 * {@code streamgate.auth.tokens.*} group of each service's own auth configuration, declared once here
 * so that the keys and defaults are the same everywhere.
 */
public interface TokenIssuingConfig {

    /**
     * PEM private key (RSA, RS256) that signs access tokens; its public key must be the one
     * {@code streamgate.auth.jwt.public-key(-location)} names, so that every service accepts what this one
     * issues. Without it the login and refresh endpoints answer 503: nothing is signed with a made-up key.
     */
    Optional<Path> privateKeyLocation();

    /** Lifetime of an access token: short, because open connections are closed when it ends. */
    @WithDefault("15m")
    Duration accessTtl();

    /** Lifetime of a refresh token; each one is single-use and replaced on every refresh. */
    @WithDefault("7d")
    Duration refreshTtl();
}
