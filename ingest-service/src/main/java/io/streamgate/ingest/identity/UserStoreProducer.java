package io.streamgate.ingest.identity;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.streamgate.platform.identity.Passwords;
import io.streamgate.platform.identity.RedisUserStore;
import io.vertx.redis.client.Redis;

/** The shared password-user store and the hashing new users get. */
public class UserStoreProducer {

    @Produces
    @Singleton
    RedisUserStore userStore(Redis redis) {
        return new RedisUserStore(redis);
    }

    @Produces
    @Singleton
    Passwords passwords(UsersConfig config) {
        return new Passwords(config.bcryptCost());
    }
}
