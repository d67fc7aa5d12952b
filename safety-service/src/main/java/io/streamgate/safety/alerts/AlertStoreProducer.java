package io.streamgate.safety.alerts;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.streamgate.platform.alerts.RedisAlertStore;
import io.vertx.redis.client.Redis;

/** The platform's alert store on this service's Redis. */
public class AlertStoreProducer {

    @Produces
    @Singleton
    RedisAlertStore alertStore(Redis redis) {
        return new RedisAlertStore(redis);
    }
}
