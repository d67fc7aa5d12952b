package io.streamgate.service.identity;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.streamgate.platform.identity.JwksSource;
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
