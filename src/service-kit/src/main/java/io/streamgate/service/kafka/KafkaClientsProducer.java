package io.streamgate.service.kafka;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.Config;

import io.quarkus.runtime.Startup;
import io.streamgate.platform.kafka.KafkaClients;

/**
 * The service's Kafka settings ({@code kafka.*}), read once: every producer and consumer of the service is built
 * from them. A setting the services refuse stops the start here, with its reason.
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
