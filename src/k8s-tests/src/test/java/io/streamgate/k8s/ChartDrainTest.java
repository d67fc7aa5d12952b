package io.streamgate.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.util.Properties;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;

/**
 * A drain fits in the pod's grace period: the preStop pause (endpoints drop the pod) plus Quarkus' graceful
 * shutdown (quarkus.shutdown.timeout, during which the gateway closes WebSockets going-away and ends SSE streams
 * with a retry:, GatewayDrainIT) must end before Kubernetes sends SIGKILL; rolling updates never lose a ready pod.
 */
class ChartDrainTest {

    /** The JVM's own exit after the shutdown timeout (GatewayDrainIT measures SIGTERM to exit). */
    private static final int EXIT_MARGIN_SECONDS = 5;

    static Stream<RenderedChart> renderings() {
        return Stream.of(RenderedChart.defaults(), RenderedChart.production());
    }

    @ParameterizedTest
    @MethodSource("renderings")
    void graceCoversPreStopPlusQuarkusShutdown(RenderedChart chart) throws IOException {
        long shutdownSeconds = quarkusShutdownTimeout().toSeconds();
        for (String service : Repository.SERVICES) {
            PodSpec pod = chart.deployment(service).getSpec().getTemplate().getSpec();
            Container container = ChartObjectsTest.container(chart, service);
            assertNotNull(container.getLifecycle().getPreStop().getSleep(), service + ": no preStop pause");
            long preStop = container.getLifecycle().getPreStop().getSleep().getSeconds();
            assertTrue(preStop >= 5, service + ": endpoints need a few seconds to drop the pod");
            long delay = shutdownDelay(service).toSeconds();
            long needed = preStop + delay + shutdownSeconds + EXIT_MARGIN_SECONDS;
            assertTrue(pod.getTerminationGracePeriodSeconds() >= needed, service + ": grace "
                    + pod.getTerminationGracePeriodSeconds() + " s < preStop " + preStop + " s + delay " + delay
                    + " s + shutdown " + shutdownSeconds + " s + " + EXIT_MARGIN_SECONDS + " s");
        }
    }

    @ParameterizedTest
    @MethodSource("renderings")
    void rollingUpdatesKeepEveryReadyPod(RenderedChart chart) {
        for (String service : Repository.SERVICES) {
            Deployment deployment = chart.deployment(service);
            assertEquals(0, deployment.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable().getIntVal(),
                    service);
        }
    }

    /** quarkus.shutdown.delay of a service's own application.properties (the gateway's drain phase), else none. */
    private static Duration shutdownDelay(String service) throws IOException {
        String delay = ownProperties(service).getProperty("quarkus.shutdown.delay");
        return delay == null ? Duration.ZERO : Duration.parse("PT" + delay.toUpperCase());
    }

    /** quarkus.shutdown.timeout from the platform's shared defaults (the services do not override it). */
    private static Duration quarkusShutdownTimeout() throws IOException {
        Properties defaults = new Properties();
        defaults.load(new StringReader(Repository.read(Repository.platformDefaults())));
        String timeout = defaults.getProperty("quarkus.shutdown.timeout");
        assertNotNull(timeout);
        for (String service : Repository.SERVICES) {
            assertTrue(ownProperties(service).getProperty("quarkus.shutdown.timeout") == null,
                    service + " overrides quarkus.shutdown.timeout");
        }
        return Duration.parse("PT" + timeout.toUpperCase());
    }

    private static Properties ownProperties(String service) throws IOException {
        Properties own = new Properties();
        own.load(new StringReader(Repository.read(
                Repository.module(service).resolve("src/main/resources/application.properties"))));
        return own;
    }
}
