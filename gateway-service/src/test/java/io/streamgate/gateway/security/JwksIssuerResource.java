package io.streamgate.gateway.security;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.streamgate.platform.identity.Pem;
import io.streamgate.platform.json.Json;

/**
 * A stand-in OIDC issuer on loopback, as Keycloak publishes its keys: {@code GET /certs} is the JWKS, and
 * {@code POST /rotate} replaces the published key by a new one and answers its {@code kid} and private key
 * (test-only, so a test can sign with the key the issuer just rotated to). The gateway under test reads the
 * JWKS through {@code streamgate.auth.jwt.jwks-location}.
 */
public class JwksIssuerResource implements QuarkusTestResourceLifecycleManager {

    /** System property with the issuer's base URL, for the tests of this JVM. */
    static final String URL_PROPERTY = "streamgate.test.jwks-issuer";

    private final AtomicReference<String> published = new AtomicReference<>();
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        rotate();
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/certs", exchange -> answer(exchange, published.get()));
        server.createContext("/rotate", exchange -> answer(exchange, rotate()));
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        System.setProperty(URL_PROPERTY, base);
        return Map.of("streamgate.auth.jwt.jwks-location", base + "/certs",
                // Every unknown kid may refetch at once: a test rotates and signs within milliseconds.
                "streamgate.auth.jwt.jwks-min-refresh-interval", "0s");
    }

    /** Publishes a fresh key only; answers {"kid":…,"privateKey":PEM}. */
    private synchronized String rotate() {
        KeyPair keys = rsa();
        String kid = "rotated-" + UUID.randomUUID();
        RsaJsonWebKey jwk = new RsaJsonWebKey((RSAPublicKey) keys.getPublic());
        jwk.setKeyId(kid);
        jwk.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
        jwk.setUse("sig");
        published.set(new JsonWebKeySet(jwk).toJson());
        return Json.mapper().createObjectNode().put("kid", kid).put("privateKey", Pem.encode(keys.getPrivate()))
                .toString();
    }

    private static void answer(HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
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

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
