package io.streamgate.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.VolumeMount;

/**
 * Every setting a Deployment hands its service — ConfigMap properties and environment variables — is
 * configuration that service really reads (its @ConfigMapping interfaces, Quarkus' Redis client, the Kafka client
 * keys), so a typo in the chart or a renamed property in a service fails the build instead of being ignored.
 */
class ChartConfigurationTest {

    static Stream<RenderedChart> renderings() {
        return Stream.of(RenderedChart.defaults(), RenderedChart.production(),
                RenderedChart.render(null, Map.of("auth.jwt.hmacSecret.name", "hs256", "strimzi.enabled", true,
                        "kafka.bootstrapServers", "")));
    }

    @ParameterizedTest
    @MethodSource("renderings")
    void everyKeyIsOneTheServiceReads(RenderedChart chart) {
        for (String service : Repository.SERVICES) {
            assertEquals(List.of(), unread(chart, service), service + " does not read these");
        }
    }

    @ParameterizedTest
    @MethodSource("renderings")
    void theConfigMapLandsWhereQuarkusReadsIt(RenderedChart chart) {
        for (String service : Repository.SERVICES) {
            VolumeMount config = ChartObjectsTest.container(chart, service).getVolumeMounts().stream()
                    .filter(m -> m.getName().equals("config")).findFirst().orElseThrow();
            // Quarkus reads config/application.properties in the working directory (ordinal 260); the JVM image
            // runs from /deployments (src/main/docker/Dockerfile.jvm).
            assertEquals("/deployments/config", config.getMountPath(), service);
            assertTrue(Repository.read(Repository.module(service).resolve("src/main/docker/Dockerfile.jvm"))
                    .contains("WORKDIR /deployments"), service);
        }
    }

    @Test
    void nativeImagesGetTheirConfigInTheirWorkingDirectory() {
        RenderedChart chart = RenderedChart.render(null, Map.of("image.flavor", "native"));
        for (String service : Repository.SERVICES) {
            VolumeMount config = ChartObjectsTest.container(chart, service).getVolumeMounts().stream()
                    .filter(m -> m.getName().equals("config")).findFirst().orElseThrow();
            assertEquals("/work/config", config.getMountPath(), service);
            assertTrue(Repository.read(Repository.module(service).resolve("src/main/docker/Dockerfile.native-micro"))
                    .contains("WORKDIR /work/"), service);
        }
    }

    @Test
    void theInfrastructureAddressesAreTheValues() {
        RenderedChart chart = RenderedChart.render(null, Map.of("kafka.bootstrapServers", "broker.test:9092",
                "redis.hosts", "redis://cache.test:6379"));
        for (String service : Repository.SERVICES) {
            assertEquals("broker.test:9092", chart.properties(service).getProperty("kafka.bootstrap.servers"));
            assertEquals("redis://cache.test:6379", chart.properties(service).getProperty("quarkus.redis.hosts"));
        }
        RenderedChart strimzi = RenderedChart.render(null, Map.of("strimzi.enabled", true, "kafka.bootstrapServers", ""));
        assertEquals("streamgate-kafka-bootstrap:9092", strimzi.properties("gateway").getProperty("kafka.bootstrap.servers"));
    }

    @Test
    void aKeyNoServiceReadsIsCaught() {
        // The check must be able to fail: a misspelt gateway setting, a key of another service, a made-up prefix,
        // an unknown Kafka client key and a misspelt secret variable.
        RenderedChart chart = RenderedChart.render(null, Map.of(
                "services.gateway.config.streamgate\\.gateway\\.engine\\.tik", "50ms",
                "services.gateway.config.streamgate\\.ingest\\.kafka\\.linger", "5ms",
                "services.stats.config.streamgate\\.statistics\\.window", "1m",
                "kafka.config.linger\\.msec", "5",
                "services.safety.env[0].name", "STREAMGATE_SAFETY_AVIATION_STALE_AFTR",
                "services.safety.env[0].value", "15s"));
        assertEquals(List.of("kafka.linger.msec", "streamgate.gateway.engine.tik", "streamgate.ingest.kafka.linger"),
                unreadProperties(chart, "gateway"));
        assertEquals(List.of("kafka.linger.msec", "streamgate.statistics.window"), unreadProperties(chart, "stats"));
        assertEquals(List.of("kafka.linger.msec", "env STREAMGATE_SAFETY_AVIATION_STALE_AFTR"), unread(chart, "safety"));
        // …and the right spellings pass.
        RenderedChart right = RenderedChart.render(null, Map.of(
                "services.gateway.config.streamgate\\.gateway\\.engine\\.tick", "50ms",
                "kafka.config.linger\\.ms", "5",
                "services.safety.env[0].name", "STREAMGATE_SAFETY_AVIATION_STALE_AFTER",
                "services.safety.env[0].value", "15s"));
        for (String service : Repository.SERVICES) {
            assertEquals(List.of(), unread(right, service), service);
        }
    }

    @Test
    void everyServiceHasMappingsToCheckAgainst() {
        for (String service : Repository.SERVICES) {
            ServiceConfiguration configuration = ServiceConfiguration.of(service);
            assertTrue(configuration.reads("streamgate.auth.jwt.issuer"), service);
            assertTrue(configuration.reads("quarkus.redis.password"), service);
            assertTrue(configuration.readsEnvironment("QUARKUS_REDIS_PASSWORD"), service);
            assertTrue(configuration.readsEnvironment("KAFKA_SASL_JAAS_CONFIG"), service);
            assertFalse(configuration.reads("streamgate.auth.jwt.isuer"), service);
        }
        assertTrue(ServiceConfiguration.of("gateway").reads("streamgate.gateway.engine.tick"));
        assertFalse(ServiceConfiguration.of("ingest").reads("streamgate.gateway.engine.tick"));
    }

    private static List<String> unread(RenderedChart chart, String service) {
        List<String> unread = new ArrayList<>(unreadProperties(chart, service));
        ServiceConfiguration configuration = ServiceConfiguration.of(service);
        for (EnvVar env : ChartObjectsTest.container(chart, service).getEnv()) {
            if (!configuration.readsEnvironment(env.getName())) {
                unread.add("env " + env.getName());
            }
        }
        return unread;
    }

    private static List<String> unreadProperties(RenderedChart chart, String service) {
        ServiceConfiguration configuration = ServiceConfiguration.of(service);
        List<String> unread = new ArrayList<>();
        // In file order, so a failure lists keys as the ConfigMap has them.
        String text = chart.get(io.fabric8.kubernetes.api.model.ConfigMap.class, RenderedChart.name(service)).getData()
                .get("application.properties");
        for (String line : text.lines().toList()) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String key = line.substring(0, line.indexOf('='));
            if (!configuration.reads(key)) {
                unread.add(key);
            }
        }
        return unread;
    }
}
