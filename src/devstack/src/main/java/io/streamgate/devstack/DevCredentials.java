package io.streamgate.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

import io.streamgate.platform.identity.Pem;
import io.streamgate.platform.identity.Role;

/**
 * A throw-away JWT signing key for one devstack: generated at start, kept in the devstack's temp
 * directory, gone on stop. Services verify with its public key; tests and the launcher sign tokens
 * with the private one. Nothing secret is ever committed.
 */
public final class DevCredentials {

    public static final String ISSUER = "https://devstack.streamgate.local";
    /** System property naming the private key file, so any class loader of this JVM can sign tokens. */
    static final String PRIVATE_KEY_PROPERTY = "streamgate.devstack.jwt.private-key-location";

    private final Path publicKey;
    private final Path privateKey;

    private DevCredentials(Path publicKey, Path privateKey) {
        this.publicKey = publicKey;
        this.privateKey = privateKey;
    }

    static DevCredentials generate(Path home) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Path publicKey = Files.writeString(home.resolve("jwt-public.pem"), Pem.encode(pair.getPublic()));
            Path privateKey = Files.writeString(home.resolve("jwt-private.pem"), Pem.encode(pair.getPrivate()));
            return new DevCredentials(publicKey, privateKey);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path publicKey() {
        return publicKey;
    }

    public Path privateKey() {
        return privateKey;
    }

    /** The configuration a service needs to accept this devstack's tokens and to issue its own (login, refresh). */
    public Map<String, String> serviceConfig() {
        return Map.of(
                "streamgate.auth.jwt.issuer", ISSUER,
                "streamgate.auth.jwt.public-key-location", publicKey.toString(),
                "streamgate.auth.tokens.private-key-location", privateKey.toString());
    }

    /** A signed token for {@code subject} of {@code tenant}, valid for {@code ttl}. */
    public String token(String tenant, String subject, Set<Role> roles, Duration ttl) {
        return sign(privateKey, tenant, subject, roles, ttl);
    }

    /** As {@link #token}, with SpatialFlow's {@code is_superuser} claim (its webhook-status channel). */
    public String superuserToken(String tenant, String subject, Set<Role> roles, Duration ttl) {
        JwtClaims claims = claims(tenant, subject, roles, ttl);
        claims.setClaim("is_superuser", true);
        return sign(privateKey, claims);
    }

    /**
     * Signs a token with the key of the devstack running in this JVM (tests).
     *
     * @throws IllegalStateException when no devstack runs in this JVM
     */
    public static String tokenFor(String tenant, Role... roles) {
        return sign(Path.of(requirePrivateKeyLocation()), tenant, "test-" + tenant, Set.of(roles),
                Duration.ofMinutes(30));
    }

    /** The claims of a devstack token; tests alter them to forge expired or foreign tokens. */
    public static JwtClaims claims(String tenant, String subject, Set<Role> roles, Duration ttl) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setSubject(subject);
        claims.setClaim("tenant", tenant);
        claims.setClaim("roles", roles.stream().map(Role::wireName).toList());
        claims.setIssuedAtToNow();
        claims.setExpirationTime(NumericDate.fromSeconds(System.currentTimeMillis() / 1000 + ttl.toSeconds()));
        return claims;
    }

    /** Signs arbitrary claims with the key of the devstack running in this JVM (tests). */
    public static String signWithDevKey(JwtClaims claims) {
        return sign(Path.of(requirePrivateKeyLocation()), claims);
    }

    private static String requirePrivateKeyLocation() {
        String location = System.getProperty(PRIVATE_KEY_PROPERTY);
        if (location == null) {
            throw new IllegalStateException("no devstack in this JVM: start it first (DevstackTestResource)");
        }
        return location;
    }

    static String sign(Path privateKey, String tenant, String subject, Set<Role> roles, Duration ttl) {
        return sign(privateKey, claims(tenant, subject, roles, ttl));
    }

    private static String sign(Path privateKey, JwtClaims claims) {
        try {
            JsonWebSignature jws = new JsonWebSignature();
            jws.setPayload(claims.toJson());
            jws.setKey(Pem.privateKey(Files.readString(privateKey)));
            jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
            return jws.getCompactSerialization();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JoseException e) {
            throw new IllegalStateException("cannot sign a devstack token", e);
        }
    }
}
