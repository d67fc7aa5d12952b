package io.streamgate.platform.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

/** An OIDC issuer's JWKS, served over HTTP as Keycloak does, rotated while the verifier runs. */
class JwksRotationTest {

    private static final String ISSUER = "https://keycloak.test/realms/streamgate";

    private final KeyPair first = rsa();
    private final KeyPair second = rsa();
    private final AtomicReference<String> published = new AtomicReference<>();
    private final AtomicInteger fetches = new AtomicInteger();
    private HttpServer issuer;

    @BeforeEach
    void serveTheKeySet() throws IOException {
        issuer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        issuer.createContext("/certs", exchange -> {
            fetches.incrementAndGet();
            byte[] body = published.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        issuer.start();
        publish("k1", first);
    }

    @AfterEach
    void stop() {
        issuer.stop(0);
    }

    private JwtVerifier verifier(Duration minRefreshInterval) {
        URI location = URI.create("http://127.0.0.1:" + issuer.getAddress().getPort() + "/certs");
        return new JwtVerifier(new JwtSettings(ISSUER, Optional.empty(), Optional.empty(), Optional.empty(),
                Duration.ofSeconds(5), Optional.of(new JwksSource(location, Duration.ofHours(1), minRefreshInterval,
                        Duration.ofSeconds(5)))));
    }

    @Test
    void aTokenOfARotatedKeyIsAcceptedWithoutARestartAndTheRetiredKeyIsNot() {
        JwtVerifier verifier = verifier(Duration.ZERO);
        assertTrue(verifier.mayBlock());
        assertEquals("alice", verifier.verify(token("k1", first)).identity().subject());

        publish("k2", second);

        assertEquals("alice", verifier.verify(token("k2", second)).identity().subject());
        assertEquals(2, fetches.get(), "one fetch at the first token, one for the unknown kid");
        // The issuer no longer publishes k1; a token still naming it is refused once the set is refetched.
        AuthenticationException refused = assertThrows(AuthenticationException.class,
                () -> verifier.verify(token("k1", first)));
        assertEquals("token signing key not known", refused.getMessage());
    }

    @Test
    void cachedKeysAnswerWithoutAFetchAndUnknownKidsCannotForceOneWithinTheInterval() {
        JwtVerifier verifier = verifier(Duration.ofMinutes(10));
        verifier.verify(token("k1", first));
        verifier.verify(token("k1", first));
        assertEquals(1, fetches.get());

        for (int i = 0; i < 5; i++) {
            String forged = token("made-up-" + i, second);
            assertThrows(AuthenticationException.class, () -> verifier.verify(forged));
        }

        assertEquals(1, fetches.get(), "a kid the set lacks forces no fetch within the minimum interval");
    }

    @Test
    void aTokenSignedByAKeyOutsideTheSetIsRefusedEvenWithAKnownKid() {
        JwtVerifier verifier = verifier(Duration.ZERO);
        assertThrows(AuthenticationException.class, () -> verifier.verify(token("k1", second)));
    }

    private void publish(String kid, KeyPair keys) {
        RsaJsonWebKey jwk = new RsaJsonWebKey((RSAPublicKey) keys.getPublic());
        jwk.setKeyId(kid);
        jwk.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
        jwk.setUse("sig");
        published.set(new JsonWebKeySet(jwk).toJson());
    }

    private static String token(String kid, KeyPair keys) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setSubject("alice");
        claims.setExpirationTimeMinutesInTheFuture(5);
        claims.setIssuedAtToNow();
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(keys.getPrivate());
        jws.setKeyIdHeaderValue(kid);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
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
