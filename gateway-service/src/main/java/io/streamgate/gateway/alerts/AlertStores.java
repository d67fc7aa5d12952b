package io.streamgate.gateway.alerts;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.streamgate.platform.alerts.AlertAcknowledger;
import io.streamgate.platform.alerts.RedisAlertStore;
import io.vertx.redis.client.Redis;

/** Alert rules and history live in Redis, written by safety-service; the gateway reads and acknowledges. */
public class AlertStores {

    @Produces
    @Singleton
    RedisAlertStore alertStore(Redis redis) {
        return new RedisAlertStore(redis);
    }

    @Produces
    @Singleton
    AlertAcknowledger acknowledger(RedisAlertStore store, AcknowledgementWriter writer) {
        return new AlertAcknowledger(store, writer);
    }
}
