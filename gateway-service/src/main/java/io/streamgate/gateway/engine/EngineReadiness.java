package io.streamgate.gateway.engine;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready until the views are warm, so Kubernetes sends no client to a replica with empty snapshots. */
@Readiness
@ApplicationScoped
public class EngineReadiness implements HealthCheck {

    private final BroadcastConsumer consumer;

    EngineReadiness(BroadcastConsumer consumer) {
        this.consumer = consumer;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("Gateway engine views").status(consumer.isWarm()).build();
    }
}
