package io.streamgate.gateway.dialect.geonicdb;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.streamgate.platform.identity.Passwords;
import io.streamgate.platform.identity.RedisUserStore;
import io.vertx.redis.client.Redis;

/** The password users {@link GeonicDbLoginResource} checks; ingest's admin endpoint creates them. */
public class UserStoreProducer {

    @Produces
    @Singleton
    RedisUserStore userStore(Redis redis) {
        return new RedisUserStore(redis);
    }

    /** The cost only matters for hashing, which the gateway does not do; each stored hash carries its own. */
    @Produces
    @Singleton
    Passwords passwords() {
        return new Passwords(10);
    }
}
