package io.streamgate.platform.identity;

import java.security.Key;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import javax.crypto.spec.SecretKeySpec;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwt.consumer.JwtContext;

/**
 * Verifies JWTs: signature (RS256/ES256 with the configured public key, HS256 with the configured
 * secret; {@code alg: none} and anything else is refused), issuer, audience when configured, and
 * expiry (required). Maps the claims to an {@link Identity}:
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

    private final List<JwtConsumer> consumers = new ArrayList<>();

    public JwtVerifier(JwtSettings settings) {
        settings.publicKey().ifPresent(key -> consumers.add(consumer(settings, key, new AlgorithmConstraints(
                AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256,
                AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256))));
        settings.hmacSecret().ifPresent(secret -> consumers.add(consumer(settings,
                new SecretKeySpec(secret, "HmacSHA256"), new AlgorithmConstraints(
                        AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.HMAC_SHA256))));
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

    private static JwtConsumer consumer(JwtSettings settings, Key key, AlgorithmConstraints algorithms) {
        JwtConsumerBuilder builder = new JwtConsumerBuilder()
                .setRequireExpirationTime()
                .setAllowedClockSkewInSeconds((int) settings.clockSkew().toSeconds())
                .setExpectedIssuer(settings.issuer())
                .setVerificationKey(key)
                .setJwsAlgorithmConstraints(algorithms);
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
        if (text.contains("signature")) {
            return "token signature invalid";
        }
        if (text.contains("Expiration Time")) {
            return "token has no expiry";
        }
        return "token malformed";
    }
}
