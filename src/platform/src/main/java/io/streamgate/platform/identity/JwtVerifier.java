package io.streamgate.platform.identity;

import java.util.function.Consumer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import javax.crypto.spec.SecretKeySpec;

import org.jose4j.http.Get;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwt.consumer.JwtContext;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;

/**
 * Verifies JWTs: signature (RS256/ES256 with the configured public key, HS256 with the configured
 * secret, RS256/ES256 with a key of the configured JWKS whose {@code kid} the token names; {@code alg: none}
 * and anything else is refused), issuer, audience when configured, expiry (required) and {@code nbf}. Maps the claims to an {@link Identity}:
 * <ul>
 * <li>tenant: {@code tenant}, else {@code tenant_id}, else the default tenant (single-tenant
 * deployments such as SkySpy's issue tokens without one);</li>
 * <li>subject: {@code sub}, else {@code user_id} (Django SimpleJWT);</li>
 * <li>roles: {@code roles}, else {@code groups} (MicroProfile JWT), else {@code role}; names not in
 * {@link Role} are ignored, and a token with none is a plain {@code user};</li>
 * <li>{@code is_superuser}: SpatialFlow's admin flag.</li>
 * </ul>
 */
public final class JwtVerifier {

    /** How old an {@code iat} may be: any age, as {@code exp} is what bounds a token's life. */
    private static final int ISSUED_AT_ANY_PAST = (int) Duration.ofDays(3650).toSeconds();

    private final List<JwtConsumer> consumers = new ArrayList<>();
    private final boolean fetchesKeys;

    public JwtVerifier(JwtSettings settings) {
        settings.publicKey().ifPresent(key -> consumers.add(consumer(settings, builder -> builder.setVerificationKey(key),
                asymmetric())));
        settings.jwks().ifPresent(jwks -> consumers.add(consumer(settings,
                builder -> builder.setVerificationKeyResolver(new HttpsJwksVerificationKeyResolver(keySet(jwks))),
                asymmetric())));
        settings.hmacSecret().ifPresent(secret -> consumers.add(consumer(settings,
                builder -> builder.setVerificationKey(new SecretKeySpec(secret, "HmacSHA256")), new AlgorithmConstraints(
                        AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.HMAC_SHA256))));
        this.fetchesKeys = settings.jwks().isPresent();
    }

    /**
     * True when {@link #verify} may fetch an issuer's key set over the network (a JWKS is configured): a
     * caller on an event loop verifies on a worker thread then.
     */
    public boolean mayBlock() {
        return fetchesKeys;
    }

    private static AlgorithmConstraints asymmetric() {
        return new AlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                AlgorithmIdentifiers.RSA_USING_SHA256, AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
    }

    /** jose4j's cached key set: it refetches when a token names a kid it lacks, at most once per reprieve. */
    private static HttpsJwks keySet(JwksSource source) {
        HttpsJwks keys = new HttpsJwks(source.location().toString());
        keys.setDefaultCacheDuration(source.cacheDuration().toSeconds());
        keys.setRefreshReprieveThreshold(source.minRefreshInterval().toMillis());
        // An issuer that is down for a moment must not lock every client out: its last keys stay usable.
        keys.setRetainCacheOnErrorDuration(source.cacheDuration().toSeconds());
        Get get = new Get();
        get.setConnectTimeout((int) source.fetchTimeout().toMillis());
        get.setReadTimeout((int) source.fetchTimeout().toMillis());
        keys.setSimpleHttpGet(get);
        return keys;
    }

    /** @throws AuthenticationException saying what is wrong, never echoing the token */
    public Authenticated verify(String token) {
        InvalidJwtException last = null;
        for (JwtConsumer consumer : consumers) {
            try {
                JwtContext context = consumer.process(token);
                return toAuthenticated(context.getJwtClaims());
            } catch (InvalidJwtException e) {
                last = e;
                if (e.hasExpired()) {
                    throw new AuthenticationException("token expired");
                }
            }
        }
        throw new AuthenticationException(reason(last));
    }

    private static JwtConsumer consumer(JwtSettings settings, Consumer<JwtConsumerBuilder> key,
            AlgorithmConstraints algorithms) {
        JwtConsumerBuilder builder = new JwtConsumerBuilder()
                .setRequireExpirationTime()
                .setAllowedClockSkewInSeconds((int) settings.clockSkew().toSeconds())
                .setExpectedIssuer(settings.issuer())
                // A token issued in the future (beyond the skew) is forged or from a broken clock; nbf is checked by default.
                .setIssuedAtRestrictions((int) settings.clockSkew().toSeconds(), ISSUED_AT_ANY_PAST)
                .setJwsAlgorithmConstraints(algorithms);
        key.accept(builder);
        settings.audience().ifPresentOrElse(builder::setExpectedAudience, builder::setSkipDefaultAudienceValidation);
        return builder.build();
    }

    private static Authenticated toAuthenticated(JwtClaims claims) {
        try {
            String tenant = firstString(claims, "tenant", "tenant_id");
            String subject = firstString(claims, "sub", "user_id");
            if (subject == null) {
                throw new AuthenticationException("token has no subject");
            }
            if (tenant != null && tenant.isBlank()) {
                // Not the default tenant: a token that names a tenant names one, or it is refused.
                throw new AuthenticationException("token tenant is blank");
            }
            Set<Role> roles = EnumSet.noneOf(Role.class);
            for (String name : roleNames(claims)) {
                Role.fromWireName(name).ifPresent(roles::add);
            }
            if (roles.isEmpty()) {
                roles.add(Role.USER);
            }
            boolean superuser = Boolean.TRUE.equals(claims.getClaimValue("is_superuser"));
            Identity identity = new Identity(tenant == null ? Identity.DEFAULT_TENANT : tenant, subject, roles,
                    superuser);
            return new Authenticated(identity, Instant.ofEpochSecond(claims.getExpirationTime().getValue()));
        } catch (MalformedClaimException e) {
            throw new AuthenticationException("token claims are malformed");
        }
    }

    private static String firstString(JwtClaims claims, String... names) {
        for (String name : names) {
            Object value = claims.getClaimValue(name);
            if (value != null) {
                return String.valueOf(value);
            }
        }
        return null;
    }

    private static Collection<String> roleNames(JwtClaims claims) {
        for (String name : List.of("roles", "groups", "role")) {
            Object value = claims.getClaimValue(name);
            if (value instanceof Collection<?> values) {
                return values.stream().map(String::valueOf).toList();
            }
            if (value instanceof String single) {
                return List.of(single);
            }
        }
        return List.of();
    }

    private static String reason(InvalidJwtException e) {
        if (e == null) {
            return "token rejected";
        }
        if (e.hasErrorCode(ErrorCodes.NOT_YET_VALID) || e.hasErrorCode(ErrorCodes.ISSUED_AT_INVALID_FUTURE)) {
            return "token not yet valid";
        }
        String text = e.getMessage() == null ? "" : e.getMessage();
        if (text.contains("Issuer (iss) claim value")) {
            return "token issuer not accepted";
        }
        if (text.contains("Audience (aud)")) {
            return "token audience not accepted";
        }
        if (text.contains("'none'") || text.contains("not permitted") || text.contains("AlgorithmConstraints")) {
            return "token algorithm not accepted";
        }
        if (text.contains("suitable verification key") || text.contains("UnresolvableKey")) {
            return "token signing key not known";
        }
        if (text.contains("signature")) {
            return "token signature invalid";
        }
        if (text.contains("Expiration Time")) {
            return "token has no expiry";
        }
        return "token malformed";
    }
}
