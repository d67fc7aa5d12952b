package io.streamgate.platform.kafka;

import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * What every Kafka producer and consumer of a service is built from: the client's own settings (what the code
 * needs: acks, group, timeouts, batching), overlaid with every {@code kafka.*} property of the service's
 * configuration, the prefix taken off. So TLS, SASL and broker tuning reach every client of every service
 * through one mechanism, without a line of code per setting: {@code kafka.security.protocol=SSL},
 * {@code kafka.ssl.truststore.location=/etc/kafka/truststore.p12}, {@code kafka.sasl.jaas.config=…}; as
 * environment variables, {@code KAFKA_SECURITY_PROTOCOL} and so on.
 *
 * <p>A {@code kafka.*} property wins over a client's own value, except for the keys in {@link RefusedSetting}:
 * the services' delivery guarantees rest on them, so setting one stops the service at start with the reason,
 * rather than weakening it silently or being ignored. Only keys the Kafka producer or consumer knows are used;
 * others are left out with a warning that names them (a misspelt key would otherwise pass unnoticed, and
 * Kubernetes defines {@code KAFKA_PORT}, {@code KAFKA_SERVICE_HOST}… for a Service named {@code kafka}). A key
 * only producers know (e.g. {@code linger.ms}) is not given to consumers, and the reverse.
 *
 * <p>Values of passwords, keys and JAAS configurations are never logged: {@link #toString()} hides every value
 * Kafka types as a password.
 */
public final class KafkaClients {

    /** The configuration prefix; the rest of the property name is the Kafka client key. */
    public static final String PREFIX = "kafka.";

    private static final Logger LOG = Logger.getLogger(KafkaClients.class);

    private static final String ENV_PREFIX = "KAFKA_";

    private final Map<String, String> settings;

    private KafkaClients(Map<String, String> candidates) {
        String refused = candidates.keySet().stream().sorted().filter(key -> RefusedSetting.reason(key) != null)
                .map(key -> PREFIX + key + ": " + RefusedSetting.reason(key)).collect(Collectors.joining("; "));
        if (!refused.isEmpty()) {
            throw new IllegalArgumentException("Kafka settings that may not be changed: " + refused);
        }
        Map<String, String> known = new TreeMap<>();
        Set<String> unknown = new TreeSet<>();
        candidates.forEach((key, value) -> {
            if (ClientKeys.isKnown(key)) {
                known.put(key, value);
            } else {
                unknown.add(PREFIX + key);
            }
        });
        if (!unknown.isEmpty()) {
            LOG.warnf("left out, as no Kafka producer or consumer setting: %s", unknown);
        }
        if (known.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG) == null) {
            throw new IllegalArgumentException("no " + PREFIX + CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG);
        }
        this.settings = Collections.unmodifiableMap(known);
    }

    /**
     * Every {@code kafka.*} property of {@code config}, environment variables ({@code KAFKA_*}) included.
     *
     * @throws IllegalArgumentException when one of them may not be set (see {@link RefusedSetting}), or
     *                                  {@code kafka.bootstrap.servers} is missing
     */
    public static KafkaClients from(Config config) {
        Map<String, String> settings = new HashMap<>();
        for (String name : config.getPropertyNames()) {
            String key = keyOf(name);
            if (key != null) {
                // Looked up by its dotted name, so that the source with the highest ordinal wins as usual.
                config.getOptionalValue(PREFIX + key, String.class).ifPresent(value -> settings.put(key, value));
            }
        }
        KafkaClients clients = new KafkaClients(settings);
        LOG.infof("Kafka clients are built with %s", clients);
        return clients;
    }

    /**
     * @param settings Kafka client keys (without {@code kafka.}) and their values, as {@link #from} reads them
     */
    public static KafkaClients of(Map<String, String> settings) {
        return new KafkaClients(settings);
    }

    /** The Kafka key a configuration property would set, or null when it has not the form of one. */
    private static String keyOf(String property) {
        if (property.startsWith(PREFIX)) {
            return property.substring(PREFIX.length());
        }
        if (property.startsWith(ENV_PREFIX)) {
            // How MicroProfile Config maps kafka.ssl.truststore.location to KAFKA_SSL_TRUSTSTORE_LOCATION.
            return property.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.');
        }
        return null;
    }

    public String bootstrapServers() {
        return settings.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG);
    }

    /** A producer's settings: {@code own}, overlaid with the {@code kafka.*} settings producers take. */
    public Map<String, Object> producerSettings(Map<String, ?> own) {
        return overlay(own, ClientKeys.CONSUMER_ONLY);
    }

    /**
     * A consumer's settings: {@code own}, overlaid with the {@code kafka.*} settings consumers take. Every consumer
     * reads committed records only unless it says otherwise: safety-service writes pair events in transactions
     * (exactly once), and a record of an aborted one must never reach a reader.
     */
    public Map<String, Object> consumerSettings(Map<String, ?> own) {
        Map<String, Object> withDefaults = new HashMap<>(own);
        withDefaults.putIfAbsent(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return overlay(withDefaults, ClientKeys.PRODUCER_ONLY);
    }

    private Map<String, Object> overlay(Map<String, ?> own, Set<String> notForThisClient) {
        Map<String, Object> merged = new HashMap<>(own);
        settings.forEach((key, value) -> {
            if (!notForThisClient.contains(key)) {
                merged.put(key, value);
            }
        });
        return merged;
    }

    /** A producer of string keys and byte values, built from {@link #producerSettings(Map)}. */
    public KafkaProducer<String, byte[]> producer(Map<String, ?> own) {
        return new KafkaProducer<>(producerSettings(own), new StringSerializer(), new ByteArraySerializer());
    }

    /** A consumer of string keys and byte values, built from {@link #consumerSettings(Map)}. */
    public KafkaConsumer<String, byte[]> consumer(Map<String, ?> own) {
        return new KafkaConsumer<>(consumerSettings(own), new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** The settings, with every secret value hidden: safe to log. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        settings.forEach((key, value) -> text.append(text.length() == 0 ? "" : ", ").append(key).append('=')
                .append(ClientKeys.mayShow(key) ? value : "[hidden]"));
        return text.toString();
    }
}
