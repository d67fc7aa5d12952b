package io.streamgate.ingest.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.PublicKey;
import java.util.Optional;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.streamgate.platform.identity.JwtSettings;
import io.streamgate.platform.identity.JwtVerifier;
import io.streamgate.platform.identity.Pem;
import io.streamgate.platform.identity.RedisApiKeyStore;
import io.streamgate.platform.identity.TokenVerifier;
import io.vertx.redis.client.Redis;

/** Wires the platform's token model to this service's configuration and Redis. */
public class TokenVerifierProducer {

    @Produces
    @Singleton
    RedisApiKeyStore apiKeyStore(Redis redis) {
        return new RedisApiKeyStore(redis);
    }

    @Produces
    @Singleton
    TokenVerifier tokenVerifier(AuthConfig config, RedisApiKeyStore keys) {
        AuthConfig.Jwt jwt = config.jwt();
        Optional<PublicKey> publicKey = jwt.publicKey().or(() -> jwt.publicKeyLocation().map(path -> {
            try {
                return Files.readString(path);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read streamgate.auth.jwt.public-key-location " + path, e);
            }
        })).map(Pem::publicKey);
        Optional<byte[]> secret = jwt.hmacSecret().map(s -> s.getBytes(StandardCharsets.UTF_8));
        Optional<JwtVerifier> verifier = publicKey.isEmpty() && secret.isEmpty() ? Optional.empty()
                : Optional.of(new JwtVerifier(new JwtSettings(jwt.issuer(), jwt.audience(), publicKey, secret,
                        jwt.clockSkew())));
        return new TokenVerifier(verifier, keys);
    }
}
