package io.streamgate.service.identity;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.streamgate.platform.identity.JwtKeys;
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
        return new TokenVerifier(JwtKeys.verifier(jwt.issuer(), jwt.audience(), jwt.publicKey(),
                jwt.publicKeyLocation(), jwt.hmacSecret(), jwt.clockSkew(), jwt.jwks()), keys);
    }
}
