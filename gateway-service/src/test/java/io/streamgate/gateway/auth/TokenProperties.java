package io.streamgate.gateway.auth;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import javax.crypto.spec.SecretKeySpec;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

import io.streamgate.gateway.fuzz.FuzzedMessages;
import io.streamgate.platform.identity.Authenticated;
import io.streamgate.platform.identity.AuthenticationException;
import io.streamgate.platform.identity.JwtSettings;
import io.streamgate.platform.identity.JwtVerifier;
import io.streamgate.platform.identity.TokenVerifier;

/**
 * Token parsing, in bulk: whatever a client presents as a credential — random text, a real token cut or
 * with a character changed, a header naming another algorithm, claims of the wrong type signed with the
 * right key — verification ends in an identity or an {@link AuthenticationException}. Any other failure is
 * what the gateway reports as "credential store unavailable" (and ingest as 503, retry later): wrong for a
 * token that will never be good.
 */
class TokenProperties {

    private static final String ISSUER = "https://auth.streamgate.test";
    private static final KeyPair KEYS = rsa();
    private static final byte[] SECRET = "a-test-secret-of-at-least-32-bytes!".getBytes(StandardCharsets.UTF_8);

    private final TokenVerifier verifier = new TokenVerifier(Optional.of(new JwtVerifier(new JwtSettings(ISSUER,
            Optional.empty(), Optional.of(KEYS.getPublic()), Optional.of(SECRET), Duration.ofSeconds(5)))),
            hash -> CompletableFuture.completedFuture(Optional.empty()));

    @Property(seed = "2201")
    void everyCredentialIsAnIdentityOrAClearRefusal(@ForAll("credentials") String token) {
        String outcome;
        try {
            Authenticated caller = verifier.verify(token).toCompletableFuture().join();
            assertFalse(caller.identity().tenant().isBlank());
            assertNotNull(caller.identity().subject());
            outcome = "accepted";
        } catch (CompletionException refused) {
            assertInstanceOf(AuthenticationException.class, refused.getCause(), "for " + FuzzedMessages.describe(token));
            outcome = refused.getCause().getMessage();
        }
        Statistics.collect(outcome);
    }

    @Provide
    Arbitrary<String> credentials() {
        return Arbitraries.frequencyOf(
                Tuple.of(2, FuzzedMessages.randomText()),
                Tuple.of(1, Arbitraries.strings().withChars("ABCDEFabcdef0123456789-_.").ofMaxLength(600)),
                Tuple.of(1, Arbitraries.strings().alpha().numeric().ofMinLength(16).ofMaxLength(130)
                        .map(tail -> "sk_live_" + tail)),
                Tuple.of(2, mangled()),
                Tuple.of(2, foreignHeaders()),
                Tuple.of(4, signedOddClaims()));
    }

    /** A good token cut anywhere, or with one character replaced. */
    private Arbitrary<String> mangled() {
        String good = sign(claims("\"tenant\":\"acme\""), AlgorithmIdentifiers.RSA_USING_SHA256);
        return Combinators.combine(Arbitraries.integers().between(0, good.length() - 1), Arbitraries.chars()
                .with("A.-_=+/ %\u00e9\u0000".toCharArray()), Arbitraries.of(true, false))
                .as((at, c, cut) -> cut ? good.substring(0, at) : good.substring(0, at) + c + good.substring(at + 1));
    }

    /** Headers an attacker writes: alg none, HS256 over the public key, nested or huge, not JSON at all. */
    private Arbitrary<String> foreignHeaders() {
        String payload = base64(claims("\"tenant\":\"acme\""));
        return Arbitraries.of("{\"alg\":\"none\"}", "{\"alg\":\"HS256\",\"kid\":\"not-ours\"}", "{\"alg\":\"RS512\"}",
                "{\"alg\":null}", "{\"alg\":[\"RS256\"]}", "{\"alg\":\"RS256\",\"crit\":[\"x\"]}", "{}", "[]", "null",
                "not json", "{\"alg\":\"RS256\",\"jwk\":" + "[".repeat(3000) + "]".repeat(3000) + "}",
                "{\"alg\":\"" + "A".repeat(20_000) + "\"}", "{\"alg\":\"RS256\",\"zip\":\"DEF\"}")
                .flatMap(header -> Arbitraries.of("", "c2lnbmF0dXJl", base64(new String(KEYS.getPublic().getEncoded(),
                        StandardCharsets.ISO_8859_1))).map(signature -> base64(header) + "." + payload + "." + signature));
    }

    /** Correctly signed tokens whose claims have the wrong types or boundary values. */
    private Arbitrary<String> signedOddClaims() {
        return Combinators.combine(Arbitraries.of("tenant", "tenant_id", "sub", "user_id", "roles", "groups", "role",
                "is_superuser", "exp", "nbf", "iat", "iss", "aud"), FuzzedMessages.oddValues(),
                Arbitraries.of(AlgorithmIdentifiers.RSA_USING_SHA256, AlgorithmIdentifiers.HMAC_SHA256))
                .as((claim, value, alg) -> sign(claims("\"" + claim + "\":" + value), alg));
    }

    /** Good claims with {@code extra} last, so a duplicate name in it takes the value (as jose4j reads JSON). */
    private static String claims(String extra) {
        return "{\"iss\":\"" + ISSUER + "\",\"sub\":\"alice\",\"exp\":" + Instant.now().plusSeconds(600).getEpochSecond()
                + "," + extra + "}";
    }

    private static String sign(String payload, String alg) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(payload);
        jws.setAlgorithmHeaderValue(alg);
        jws.setKey(alg.equals(AlgorithmIdentifiers.HMAC_SHA256) ? new SecretKeySpec(SECRET, "HmacSHA256")
                : KEYS.getPrivate());
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
