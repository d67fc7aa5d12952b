package io.streamgate.platform.kafka;

import java.util.List;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The Kafka keys a {@code kafka.*} property may not set, and why: the services' delivery guarantees rest on
 * them. {@link KafkaClients} stops the service at start when one is set, rather than weakening a guarantee
 * silently or ignoring the setting.
 */
enum RefusedSetting {

    ACKS("producers write with acks=all: ingest answers 202, and the derivations commit what they read, only "
            + "once every in-sync replica has the records", ProducerConfig.ACKS_CONFIG),
    IDEMPOTENCE("producers are idempotent, so that their retries neither duplicate nor reorder the records of a "
            + "key", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG),
    TRANSACTIONS("the producers do not use transactions; with a transactional id every send would fail",
            ProducerConfig.TRANSACTIONAL_ID_CONFIG),
    DELIVERY_TIMEOUT("the services wait for an acknowledgement as long as their own delivery-timeout or "
            + "ack-timeout setting says: set that instead", ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG),
    AUTO_COMMIT("consumers commit what they read only after what it produced is acknowledged (at least once)",
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG),
    GROUP("each consumer group has its own name (streamgate.*.consumer.group-id), and the gateway reads in no "
            + "group at all", ConsumerConfig.GROUP_ID_CONFIG),
    STATIC_MEMBER("one static member id for all the consumers of a process would fence them against each other",
            ConsumerConfig.GROUP_INSTANCE_ID_CONFIG),
    CLIENT_ID("each client names itself; one shared id would merge their metrics and quotas",
            CommonClientConfigs.CLIENT_ID_CONFIG),
    SERIALIZERS("keys are strings and values bytes", ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
            ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG),
    /**
     * Quarkus's own key (in both spellings Quarkus reads): it reaches only Quarkus's Kafka health check. A TLS
     * setting that does not apply must not go unnoticed.
     */
    QUARKUS_TLS("the Quarkus TLS registry does not reach StreamGate's clients: set kafka.security.protocol and "
            + "kafka.ssl.* instead", "tls-configuration-name", "tls.configuration.name");

    private final String reason;
    private final List<String> keys;

    RefusedSetting(String reason, String... keys) {
        this.reason = reason;
        this.keys = List.of(keys);
    }

    /** Why {@code key} may not be set, or null when it may. */
    static String reason(String key) {
        for (RefusedSetting refused : values()) {
            if (refused.keys.contains(key)) {
                return refused.reason;
            }
        }
        return null;
    }
}
