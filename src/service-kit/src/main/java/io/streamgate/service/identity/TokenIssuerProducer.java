package io.streamgate.service.identity;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.streamgate.platform.identity.TokenIssuer;
import io.vertx.redis.client.Redis;

/** The platform's token issuer, signing for this service's login and refresh endpoints. */
public class TokenIssuerProducer {

    @Produces
    @Singleton
    TokenIssuer tokenIssuer(AuthConfig config, Redis redis) {
        return TokenIssuer.from(config.tokens(), config.jwt().issuer(), config.jwt().audience(), redis);
    }
}
