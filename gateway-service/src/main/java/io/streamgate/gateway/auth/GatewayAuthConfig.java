package io.streamgate.gateway.auth;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.streamgate.platform.identity.TokenIssuingConfig;

/**
 * Who may connect. The {@code streamgate.auth.jwt.*} keys are the same in every service, so one set
 * of deployment settings configures them all.
 */
@ConfigMapping(prefix = "streamgate.auth")
public interface GatewayAuthConfig {

    /**
     * SkySpy's auth modes: {@code public} (no credential needed), {@code hybrid} (anonymous clients
     * get public feeds, a credential gets its tenant's), {@code private} (a credential is required).
     */
    @WithDefault("hybrid")
    Mode mode();

    /** Accept {@code ?token=} on the connection URL (deprecated by every product; never logged). */
    @WithDefault("true")
    boolean queryTokenEnabled();

    /**
     * How often an open connection admitted with an API key asks the key store whether the key was revoked
     * (closed with the dialect's unauthorized code if so). JWTs are not rechecked: they run to {@code exp}.
     */
    @WithDefault("30s")
    Duration apiKeyRecheckInterval();

    /** Browser origins allowed to connect; unset allows any (clients without an Origin header always may). */
    Optional<List<String>> allowedOrigins();

    Jwt jwt();

    /** Signing of the tokens this service's login and refresh endpoints issue. */
    TokenIssuingConfig tokens();

    enum Mode {
        PUBLIC,
        HYBRID,
        PRIVATE
    }

    interface Jwt {
        /** The required {@code iss} claim. */
        @WithDefault("https://streamgate.local")
        String issuer();

        /** The required {@code aud} claim, when set. */
        Optional<String> audience();

        /** PEM public key (RS256/ES256) inline. */
        Optional<String> publicKey();

        /** File holding the PEM public key. */
        Optional<Path> publicKeyLocation();

        /** HS256 shared secret (at least 32 bytes). */
        Optional<String> hmacSecret();

        /** Tolerance on {@code exp} and {@code nbf}. */
        @WithDefault("30s")
        Duration clockSkew();
    }
}
