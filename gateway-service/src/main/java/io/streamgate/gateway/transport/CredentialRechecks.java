package io.streamgate.gateway.transport;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.streamgate.gateway.auth.CredentialCheck;
import io.streamgate.gateway.auth.GatewayAuthConfig;
import io.streamgate.gateway.engine.Refusal;
import io.streamgate.gateway.engine.Session;
import io.vertx.core.Vertx;

/**
 * Closes open connections whose credential was revoked after they were admitted (an API key deleted
 * while a dashboard streams with it): each such connection asks its {@link CredentialCheck} every
 * {@code streamgate.auth.api-key-recheck-interval}, and is closed with its dialect's
 * unauthorized code on a refusal.
 */
@ApplicationScoped
public class CredentialRechecks {

    private static final Logger LOG = Logger.getLogger(CredentialRechecks.class);

    private final Vertx vertx;
    private final long intervalMillis;
    private final Counter revoked;

    CredentialRechecks(Vertx vertx, GatewayAuthConfig config, MeterRegistry registry) {
        this.vertx = vertx;
        this.intervalMillis = config.apiKeyRecheckInterval().toMillis();
        this.revoked = Counter.builder("streamgate.gateway.connections.revoked")
                .description("Open connections closed because their API key was revoked").register(registry);
    }

    /**
     * @param check null for credentials that are not rechecked
     * @return the watch, to be cancelled when the connection ends
     */
    public Watch watch(Session session, CredentialCheck check) {
        if (check == null) {
            return Watch.NONE;
        }
        long timer = vertx.setPeriodic(intervalMillis, id -> check.stillValid().whenComplete((valid, failure) -> {
            if (failure != null) {
                LOG.debugf("credential recheck of %s failed: %s", session.id(), failure.toString());
            } else if (!valid) {
                revoked.increment();
                vertx.cancelTimer(id);
                session.close(Refusal.UNAUTHORIZED, "Credential revoked");
            }
        }));
        return () -> vertx.cancelTimer(timer);
    }

    @FunctionalInterface
    public interface Watch {

        Watch NONE = () -> {
        };

        void cancel();
    }
}
