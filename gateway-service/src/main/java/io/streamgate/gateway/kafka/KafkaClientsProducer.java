package io.streamgate.gateway.kafka;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.Config;

import io.quarkus.runtime.Startup;
import io.streamgate.platform.kafka.KafkaClients;

/**
 * The gateway's Kafka settings ({@code kafka.*}), read once: the broadcast consumer, resume replays and the
 * acknowledgement producer are built from them. The other services have this producer from service-kit, which
 * the gateway does not use (see {@link io.streamgate.gateway.json.StreamGateJson}).
 */
public class KafkaClientsProducer {

    /** At start, so that a refused setting stops the service before it serves anything. */
    @Produces
    @Singleton
    @Startup
    KafkaClients kafkaClients(Config config) {
        return KafkaClients.from(config);
    }
}
