package io.streamgate.platform.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;

import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

class KafkaClientsTest {

    private static final String JAAS = "org.apache.kafka.common.security.plain.PlainLoginModule required "
            + "username=\"ingest\" password=\"s3cret-jaas\";";

    private static Config config(Map<String, String> properties, Map<String, String> environment) {
        return new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "application.properties", 250))
                .withSources(new EnvConfigSource(environment, 300))
                .build();
    }

    private static Map<String, String> withBootstrap(Map<String, String> settings) {
        Map<String, String> all = new HashMap<>(settings);
        all.put("bootstrap.servers", "broker:9093");
        return all;
    }

    @Test
    void kafkaPropertiesAndVariablesOverlayEveryClientsOwnSettings() {
        KafkaClients kafka = KafkaClients.from(config(
                Map.of("kafka.bootstrap.servers", "broker:9093", "kafka.security.protocol", "SSL",
                        "kafka.linger.ms", "50", "streamgate.ingest.kafka.linger", "5ms"),
                Map.of("KAFKA_SSL_TRUSTSTORE_LOCATION", "/etc/kafka/truststore.p12")));

        Map<String, Object> producer = kafka.producerSettings(Map.of("acks", "all", "linger.ms", 5));

        assertEquals("broker:9093", producer.get("bootstrap.servers"));
        assertEquals("SSL", producer.get("security.protocol"));
        assertEquals("/etc/kafka/truststore.p12", producer.get("ssl.truststore.location"));
        assertEquals("50", producer.get("linger.ms"), "a kafka.* property wins over the client's own tuning");
        assertEquals("all", producer.get("acks"));
        assertEquals("broker:9093", kafka.bootstrapServers());
    }

    @Test
    void anEnvironmentVariableWinsOverApplicationPropertiesAsUsual() {
        KafkaClients kafka = KafkaClients.from(config(
                Map.of("kafka.bootstrap.servers", "broker:9093", "kafka.security.protocol", "PLAINTEXT"),
                Map.of("KAFKA_SECURITY_PROTOCOL", "SASL_SSL")));

        assertEquals("SASL_SSL", kafka.consumerSettings(Map.of()).get("security.protocol"));
    }

    @Test
    void whatIsNoKafkaSettingIsLeftOut() {
        KafkaClients kafka = KafkaClients.from(config(
                Map.of("kafka.bootstrap.servers", "broker:9093", "kafka.security.protocal", "SSL"),
                // Kubernetes' service links for a Service named kafka.
                Map.of("KAFKA_PORT", "tcp://10.0.0.7:9092", "KAFKA_SERVICE_HOST", "10.0.0.7",
                        "KAFKA_PORT_9092_TCP_ADDR", "10.0.0.7")));

        assertEquals(Map.of("bootstrap.servers", "broker:9093", "isolation.level", "read_committed"),
                kafka.consumerSettings(Map.of()));
        assertEquals(Map.of("bootstrap.servers", "broker:9093"), kafka.producerSettings(Map.of()));
    }

    @Test
    void consumersReadCommittedRecordsUnlessTheySayOtherwise() {
        KafkaClients kafka = KafkaClients.from(config(Map.of("kafka.bootstrap.servers", "broker:9093"), Map.of()));

        // safety.events is written in transactions: a record of an aborted one must not reach any reader.
        assertEquals("read_committed", kafka.consumerSettings(Map.of()).get("isolation.level"));
        assertEquals("read_uncommitted",
                kafka.consumerSettings(Map.of("isolation.level", "read_uncommitted")).get("isolation.level"));
    }

    @Test
    void eachClientGetsOnlyTheKeysItKnows() {
        KafkaClients kafka = KafkaClients.of(withBootstrap(Map.of("linger.ms", "20", "fetch.min.bytes", "1024",
                "sasl.mechanism", "PLAIN")));

        Map<String, Object> producer = kafka.producerSettings(Map.of());
        Map<String, Object> consumer = kafka.consumerSettings(Map.of());

        assertEquals("20", producer.get("linger.ms"));
        assertFalse(producer.containsKey("fetch.min.bytes"));
        assertEquals("1024", consumer.get("fetch.min.bytes"));
        assertFalse(consumer.containsKey("linger.ms"));
        assertEquals("PLAIN", producer.get("sasl.mechanism"));
        assertEquals("PLAIN", consumer.get("sasl.mechanism"));
    }

    @Test
    void whatTheGuaranteesRestOnCannotBeChanged() {
        for (String key : new String[] {"acks", "enable.idempotence", "transactional.id", "delivery.timeout.ms",
                "enable.auto.commit", "group.id", "group.instance.id", "client.id", "value.deserializer",
                "tls-configuration-name", "tls.configuration.name"}) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> KafkaClients.of(withBootstrap(Map.of(key, "1"))), key);
            assertTrue(refused.getMessage().contains("kafka." + key + ": "), refused.getMessage());
        }
    }

    @Test
    void aRefusedSettingStopsTheServiceEvenAsAnEnvironmentVariable() {
        Config config = config(Map.of("kafka.bootstrap.servers", "broker:9093"), Map.of("KAFKA_ACKS", "1"));

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> KafkaClients.from(config));
        assertTrue(refused.getMessage().contains("kafka.acks: producers write with acks=all"), refused.getMessage());
    }

    @Test
    void withoutBootstrapServersThereIsNoClient() {
        assertThrows(IllegalArgumentException.class, () -> KafkaClients.of(Map.of("security.protocol", "SSL")));
    }

    @Test
    void secretsAreNeverShown() {
        KafkaClients kafka = KafkaClients.of(withBootstrap(Map.of("security.protocol", "SASL_SSL",
                "sasl.jaas.config", JAAS, "ssl.truststore.password", "s3cret-store",
                "ssl.keystore.key", "-----BEGIN PRIVATE KEY-----")));

        String shown = kafka.toString();

        assertTrue(shown.contains("security.protocol=SASL_SSL"), shown);
        assertTrue(shown.contains("bootstrap.servers=broker:9093"), shown);
        assertTrue(shown.contains("sasl.jaas.config=[hidden]"), shown);
        assertTrue(shown.contains("ssl.truststore.password=[hidden]"), shown);
        for (String secret : new String[] {"s3cret", "PRIVATE KEY", "PlainLoginModule"}) {
            assertFalse(shown.contains(secret), shown);
        }
    }
}
