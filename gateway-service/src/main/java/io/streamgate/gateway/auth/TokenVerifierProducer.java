package io.streamgate.gateway.auth;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.streamgate.platform.identity.JwtKeys;
import io.streamgate.platform.identity.RedisApiKeyStore;
import io.streamgate.platform.identity.TokenVerifier;
import io.vertx.redis.client.Redis;

/** The platform's token model, with this service's configuration and Redis (shared API keys). */
public class TokenVerifierProducer {

    @Produces
    @Singleton
    TokenVerifier tokenVerifier(GatewayAuthConfig config, Redis redis) {
        GatewayAuthConfig.Jwt jwt = config.jwt();
        return new TokenVerifier(JwtKeys.verifier(jwt.issuer(), jwt.audience(), jwt.publicKey(),
                jwt.publicKeyLocation(), jwt.hmacSecret(), jwt.clockSkew(), jwt.jwks()), new RedisApiKeyStore(redis));
    }
}
