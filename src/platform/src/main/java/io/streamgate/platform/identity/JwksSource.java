package io.streamgate.platform.identity;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where an OIDC issuer (Keycloak, Auth0, …) publishes its signing keys, and how long they are trusted.
 * Keys are fetched on the first token, kept for {@code cacheDuration} (or what the issuer's
 * {@code Cache-Control} says), and fetched again at once when a token names a {@code kid} the cached set
 * does not hold — which is how a rotated key is accepted without a restart. {@code minRefreshInterval}
 * bounds those forced fetches, so a stream of tokens with made-up key ids cannot turn the gateway into
 * a load generator against the issuer.
 *
 * @param location           the JWKS document ({@code https://issuer/realms/x/protocol/openid-connect/certs})
 * @param cacheDuration      how long a fetched key set is used without asking again
 * @param minRefreshInterval the least time between two fetches forced by an unknown {@code kid}
 * @param fetchTimeout       connect and read timeout of one fetch
 */
public record JwksSource(URI location, Duration cacheDuration, Duration minRefreshInterval, Duration fetchTimeout) {

    public JwksSource {
        Objects.requireNonNull(location, "location");
        String scheme = location.getScheme();
        if (!"https".equalsIgnoreCase(scheme) && !"http".equalsIgnoreCase(scheme)) {
            throw new IllegalArgumentException("a JWKS location must be an http(s) URL: " + location);
        }
        if (cacheDuration.isNegative() || minRefreshInterval.isNegative() || fetchTimeout.isNegative()
                || fetchTimeout.isZero()) {
            throw new IllegalArgumentException("JWKS durations must be positive");
        }
    }
}
