package io.streamgate.platform.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;

class TokenVerifierTest {

    private static final String ISSUER = "https://auth.streamgate.test";
    private static final KeyPair KEYS = rsa();
    private static final KeyPair OTHER_KEYS = rsa();

    private final String apiKey = ApiKeys.generate("sk_live_");
    private final ApiKeyRecord stored = new ApiKeyRecord("key-1", "acme", "svc-feeder", Set.of(Role.USER), "feeder",
            ApiKeys.preview(apiKey), Instant.now());
    private final TokenVerifier verifier = new TokenVerifier(
            Optional.of(new JwtVerifier(new JwtSettings(ISSUER, Optional.empty(), Optional.of(KEYS.getPublic()),
                    Optional.empty(), Duration.ofSeconds(5)))),
            hash -> CompletableFuture.completedFuture(
                    hash.equals(ApiKeys.hash(apiKey)) ? Optional.of(stored) : Optional.empty()));

    @Test
    void aValidTokenYieldsItsTenantSubjectRolesAndExpiry() {
        long exp = Instant.now().plusSeconds(600).getEpochSecond();
        Authenticated caller = verify(jwt(claims(Map.of("tenant", "acme", "roles", List.of("tenant_admin"),
                "is_superuser", true), exp), KEYS, AlgorithmIdentifiers.RSA_USING_SHA256));

        assertEquals("acme", caller.identity().tenant());
        assertEquals("alice", caller.identity().subject());
        assertEquals(Set.of(Role.TENANT_ADMIN), caller.identity().roles());
        assertTrue(caller.identity().superuser());
        assertEquals(Instant.ofEpochSecond(exp), caller.expiresAt());
    }

    @Test
    void aTokenWithoutRolesOrTenantIsAUserOfTheDefaultTenant() {
        Authenticated caller = verify(jwt(claims(Map.of(), future()), KEYS, AlgorithmIdentifiers.RSA_USING_SHA256));
        assertEquals(Identity.DEFAULT_TENANT, caller.identity().tenant());
        assertEquals(Set.of(Role.USER), caller.identity().roles());
    }

    @Test
    void anExpiredTokenIsRefused() {
        long past = Instant.now().minusSeconds(60).getEpochSecond();
        assertEquals("token expired", failure(jwt(claims(Map.of(), past), KEYS, AlgorithmIdentifiers.RSA_USING_SHA256)));
    }

    @Test
    void anotherIssuersTokenIsRefused() {
        JwtClaims claims = claims(Map.of(), future());
        claims.setIssuer("https://evil.example");
        assertEquals("token issuer not accepted", failure(jwt(claims, KEYS, AlgorithmIdentifiers.RSA_USING_SHA256)));
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefused() {
        assertEquals("token signature invalid",
                failure(jwt(claims(Map.of(), future()), OTHER_KEYS, AlgorithmIdentifiers.RSA_USING_SHA256)));
    }

    @Test
    void aTokenNotYetValidIsRefused() {
        JwtClaims notBefore = claims(Map.of(), future());
        notBefore.setNotBefore(NumericDate.fromSeconds(Instant.now().plusSeconds(120).getEpochSecond()));
        JwtClaims issuedLater = claims(Map.of(), future());
        issuedLater.setIssuedAt(NumericDate.fromSeconds(Instant.now().plusSeconds(120).getEpochSecond()));

        assertEquals("token not yet valid", failure(jwt(notBefore, KEYS, AlgorithmIdentifiers.RSA_USING_SHA256)));
        assertEquals("token not yet valid", failure(jwt(issuedLater, KEYS, AlgorithmIdentifiers.RSA_USING_SHA256)));
    }

    @Test
    void aTokenIssuedWithinTheClockSkewIsAccepted() {
        JwtClaims claims = claims(Map.of(), future());
        claims.setIssuedAt(NumericDate.fromSeconds(Instant.now().plusSeconds(2).getEpochSecond()));
        assertEquals("alice", verify(jwt(claims, KEYS, AlgorithmIdentifiers.RSA_USING_SHA256)).identity().subject());
    }

    @Test
    void anUnsignedTokenIsRefused() {
        String header = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        String body = b64(claims(Map.of("roles", List.of("super_admin")), future()).toJson());
        String reason = failure(header + "." + body + ".");
        assertFalse(reason.isEmpty());
        assertTrue(reason.startsWith("token"), reason);
    }

    /** A refusal, not an error: callers answer any other failure as "credential store unavailable" (503). */
    @Test
    void aSignedTokenWithABlankTenantIsRefused() {
        assertEquals("token tenant is blank",
                failure(jwt(claims(Map.of("tenant", " "), future()), KEYS, AlgorithmIdentifiers.RSA_USING_SHA256)));
    }

    @Test
    void garbageIsRefusedWithoutEchoingIt() {
        String reason = failure("eyJnot-a-token");
        assertFalse(reason.contains("eyJnot"), reason);
    }

    @Test
    void aStoredApiKeyYieldsItsIdentityAndNeverExpires() {
        Authenticated caller = verify(apiKey);
        assertEquals("acme", caller.identity().tenant());
        assertEquals("svc-feeder", caller.identity().subject());
        assertNull(caller.expiresAt());
    }

    @Test
    void anUnknownApiKeyIsRefused() {
        assertEquals("unknown or revoked API key", failure(ApiKeys.generate("sk_test_")));
    }

    @Test
    void keysSurviveThePemRoundTrip() {
        String pem = Pem.encode(KEYS.getPublic());
        assertTrue(pem.startsWith("-----BEGIN PUBLIC KEY-----"));
        assertEquals(KEYS.getPublic(), Pem.publicKey(pem));
        assertEquals(KEYS.getPrivate(), Pem.privateKey(Pem.encode(KEYS.getPrivate())));
    }

    @Test
    void withoutAJwtKeyOnlyApiKeysAreAccepted() {
        TokenVerifier keysOnly = new TokenVerifier(Optional.empty(),
                hash -> CompletableFuture.completedFuture(Optional.of(stored)));
        assertEquals("acme", keysOnly.verify(apiKey).toCompletableFuture().join().identity().tenant());
        CompletionException refused = assertThrows(CompletionException.class,
                () -> keysOnly.verify(jwt(claims(Map.of(), future()), KEYS, AlgorithmIdentifiers.RSA_USING_SHA256))
                        .toCompletableFuture().join());
        assertEquals("JWTs are not accepted here", refused.getCause().getMessage());
    }

    @Test
    void generatedKeysHaveTheirPrefixAndAreDistinct() {
        String a = ApiKeys.generate("sp_live_");
        String b = ApiKeys.generate("sp_live_");
        assertTrue(a.startsWith("sp_live_") && ApiKeys.looksLikeApiKey(a));
        assertFalse(a.equals(b));
        assertEquals(64, ApiKeys.hash(a).length());
        assertEquals("sp_live_" + a.substring(8, 12) + "…", ApiKeys.preview(a));
    }

    private Authenticated verify(String token) {
        return verifier.verify(token).toCompletableFuture().join();
    }

    private String failure(String token) {
        try {
            verify(token);
        } catch (CompletionException e) {
            if (e.getCause() instanceof AuthenticationException auth) {
                return auth.getMessage();
            }
            throw e;
        }
        throw new AssertionError("the token was accepted");
    }

    private static long future() {
        return Instant.now().plusSeconds(600).getEpochSecond();
    }

    private static JwtClaims claims(Map<String, Object> extra, long exp) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setSubject("alice");
        claims.setExpirationTime(NumericDate.fromSeconds(exp));
        claims.setIssuedAtToNow();
        extra.forEach(claims::setClaim);
        return claims;
    }

    private static String jwt(JwtClaims claims, KeyPair keys, String algorithm) {
        try {
            JsonWebSignature jws = new JsonWebSignature();
            jws.setPayload(claims.toJson());
            jws.setKey(keys.getPrivate());
            jws.setAlgorithmHeaderValue(algorithm);
            return jws.getCompactSerialization();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
