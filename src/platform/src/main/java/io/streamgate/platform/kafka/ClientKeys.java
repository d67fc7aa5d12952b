package io.streamgate.platform.kafka;

import java.util.HashSet;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigDef;

/** What the Kafka client library says about its configuration keys: which client takes one, which are secret. */
final class ClientKeys {

    private static final ConfigDef PRODUCER = ProducerConfig.configDef();
    private static final ConfigDef CONSUMER = ConsumerConfig.configDef();

    /** Keys producers take and consumers do not ({@code linger.ms}, {@code acks}…). */
    static final Set<String> PRODUCER_ONLY = only(PRODUCER, CONSUMER);
    /** Keys consumers take and producers do not ({@code fetch.min.bytes}, {@code auto.offset.reset}…). */
    static final Set<String> CONSUMER_ONLY = only(CONSUMER, PRODUCER);

    private ClientKeys() {
    }

    static boolean isKnown(String key) {
        return PRODUCER.names().contains(key) || CONSUMER.names().contains(key);
    }

    /**
     * Whether a value may be shown: not for a key Kafka types as a password (which covers
     * {@code sasl.jaas.config}, {@code ssl.*.password}, {@code ssl.keystore.key}), nor for one it does not know.
     */
    static boolean mayShow(String key) {
        ConfigDef.ConfigKey known = PRODUCER.configKeys().getOrDefault(key, CONSUMER.configKeys().get(key));
        return known != null && known.type != ConfigDef.Type.PASSWORD;
    }

    private static Set<String> only(ConfigDef these, ConfigDef notThose) {
        Set<String> keys = new HashSet<>(these.names());
        keys.removeAll(notThose.names());
        return Set.copyOf(keys);
    }
}
