package io.streamgate.platform.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.metrics.KafkaMetric;
import org.apache.kafka.common.metrics.MetricsReporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.streamgate.platform.event.CloudEventProducer;

/**
 * TLS settings reach real clients: producers and consumers built through {@link KafkaClients} (the platform's
 * {@link CloudEventProducer} and the {@link ConsumerLoop}'s consumer among them) are configured with
 * {@code security.protocol=SSL} and the truststore, as Kafka itself hands their configuration to a metrics
 * reporter, and they load that truststore.
 */
class KafkaClientsTlsTest {

    /** Kafka configures every metrics reporter with the client's whole configuration: what the client got. */
    public static final class ConfigCapture implements MetricsReporter {

        static final Map<String, Map<String, ?>> BY_CLIENT = new ConcurrentHashMap<>();
        /** The client ids in the order their clients were built, for a test to wait on. */
        static final BlockingQueue<String> BUILT = new LinkedBlockingQueue<>();

        @Override
        public void configure(Map<String, ?> configs) {
            String clientId = (String) configs.get("client.id");
            BY_CLIENT.put(clientId, Map.copyOf(configs));
            BUILT.add(clientId);
        }

        @Override
        public void init(List<KafkaMetric> metrics) {
        }

        @Override
        public void metricChange(KafkaMetric metric) {
        }

        @Override
        public void metricRemoval(KafkaMetric metric) {
        }

        @Override
        public void close() {
        }
    }

    @TempDir
    Path dir;

    private Path truststore() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        Path file = dir.resolve("truststore.p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, "changeit".toCharArray());
        }
        return file;
    }

    private static KafkaClients tls(Path truststore) {
        Map<String, String> settings = new HashMap<>();
        settings.put("bootstrap.servers", "localhost:1");
        settings.put("security.protocol", "SSL");
        settings.put("ssl.truststore.location", truststore.toString());
        settings.put("ssl.truststore.type", "PKCS12");
        settings.put("ssl.truststore.password", "changeit");
        settings.put("metric.reporters", ConfigCapture.class.getName());
        return KafkaClients.of(settings);
    }

    @Test
    void theCloudEventProducerIsBuiltWithTheTlsSettings() throws Exception {
        Path truststore = truststore();

        try (CloudEventProducer producer = new CloudEventProducer(tls(truststore), "tls-producer", Duration.ZERO,
                Duration.ofSeconds(5))) {
            Map<String, ?> built = ConfigCapture.BY_CLIENT.get("tls-producer");
            assertEquals("SSL", built.get("security.protocol"));
            assertEquals(truststore.toString(), built.get("ssl.truststore.location"));
            assertEquals("all", built.get("acks"), "the producer's own guarantees stay");
        }
    }

    @Test
    void aConsumerIsBuiltWithTheTlsSettings() throws Exception {
        Path truststore = truststore();

        try (KafkaConsumer<String, byte[]> consumer = tls(truststore).consumer(Map.of(
                ConsumerConfig.CLIENT_ID_CONFIG, "tls-consumer", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false))) {
            Map<String, ?> built = ConfigCapture.BY_CLIENT.get("tls-consumer");
            assertEquals("SSL", built.get("security.protocol"));
            assertEquals(truststore.toString(), built.get("ssl.truststore.location"));
        }
    }

    @Test
    void theConsumerLoopsConsumerIsBuiltWithTheTlsSettings() throws Exception {
        Path truststore = truststore();
        ConsumerLoop loop = new ConsumerLoop("tls-loop", ConsumerMode.group("tls-loop", new GroupSettings("tls",
                "latest", Duration.ofMillis(50), 10, GroupSettings.Commit.ASYNC), List.of("t")),
                records -> {
                }, tls(truststore), new SimpleMeterRegistry());
        loop.start();
        try {
            String loopClient = null;
            // The loop builds its consumer on its own thread: wait (with a deadline) until it has.
            for (String built; loopClient == null && (built = ConfigCapture.BUILT.poll(30, TimeUnit.SECONDS)) != null;) {
                loopClient = built.startsWith("tls-loop-") ? built : null;
            }
            assertNotNull(loopClient, "the loop's consumer was built within 30 s");
            Map<String, ?> built = ConfigCapture.BY_CLIENT.get(loopClient);
            assertEquals("SSL", built.get("security.protocol"));
            assertEquals(truststore.toString(), built.get("ssl.truststore.location"));
            assertEquals("tls", built.get("group.id"), "the loop's own settings stay");
        } finally {
            loop.stop();
        }
    }

    @Test
    void aTruststoreThatIsNotThereStopsTheClientFromBeingBuilt() {
        Path missing = dir.resolve("missing.p12");

        KafkaException failed = assertThrows(KafkaException.class,
                () -> new CloudEventProducer(tls(missing), "tls-missing", Duration.ZERO, Duration.ofSeconds(5)));

        StringBuilder causes = new StringBuilder();
        for (Throwable cause = failed; cause != null; cause = cause.getCause()) {
            causes.append(cause.getMessage()).append(" / ");
        }
        assertTrue(causes.toString().contains(missing.toString()), causes.toString());
    }
}
