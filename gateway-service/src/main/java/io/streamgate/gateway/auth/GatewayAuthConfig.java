package io.streamgate.gateway.auth;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.streamgate.platform.identity.JwksSource;
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

        /**
         * An OIDC issuer's JWKS URL (Keycloak: {@code https://kc/realms/<realm>/protocol/openid-connect/certs}),
         * alongside or instead of a static key. Keys are fetched on first use and again when a token names a
         * {@code kid} the cached set lacks, so a rotated key is accepted without a restart.
         */
        Optional<URI> jwksLocation();

        /** How long a fetched key set is used before it is fetched again (the issuer's Cache-Control wins). */
        @WithDefault("1h")
        Duration jwksCacheDuration();

        /**
         * The least time between two fetches forced by an unknown {@code kid}: tokens with made-up key ids
         * cannot make the service hammer the issuer; a real rotation is picked up by the first token after it.
         */
        @WithDefault("30s")
        Duration jwksMinRefreshInterval();

        /** Connect and read timeout of one JWKS fetch. */
        @WithDefault("5s")
        Duration jwksFetchTimeout();

        /** The JWKS source these settings describe, if any. */
        default Optional<JwksSource> jwks() {
            return jwksLocation().map(location -> new JwksSource(location, jwksCacheDuration(),
                    jwksMinRefreshInterval(), jwksFetchTimeout()));
        }
    }
}
