package io.streamgate.safety.aviation.pairs;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.apache.kafka.streams.KafkaStreams;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/**
 * Pair detection's health, in place of the extension's (off: {@code quarkus.kafka-streams.health.enabled=false}),
 * whose liveness is down while the application waits for its topics or starts — a pod Kubernetes would restart
 * for starting. Here liveness fails only when the application is dead ({@code ERROR}, {@code PENDING_ERROR}: its
 * threads stopped, pairs are no longer detected), and readiness waits until it runs or rebalances.
 */
@ApplicationScoped
public class PairDetectionHealth {

    private static final String NAME = "Pair detection (Kafka Streams)";

    @Produces
    @Liveness
    HealthCheck alive(KafkaStreams streams) {
        return () -> {
            KafkaStreams.State state = streams.state();
            boolean dead = state == KafkaStreams.State.ERROR || state == KafkaStreams.State.PENDING_ERROR;
            return HealthCheckResponse.named(NAME).status(!dead).withData("state", state.name()).build();
        };
    }

    @Produces
    @Readiness
    HealthCheck ready(KafkaStreams streams) {
        return () -> {
            KafkaStreams.State state = streams.state();
            return HealthCheckResponse.named(NAME).status(state.isRunningOrRebalancing())
                    .withData("state", state.name()).build();
        };
    }
}
