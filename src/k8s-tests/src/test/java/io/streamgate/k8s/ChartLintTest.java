package io.streamgate.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;

import io.fabric8.kubernetes.api.model.HasMetadata;

/** {@code helm lint --strict} passes, and both value sets render to documents that parse. */
class ChartLintTest {

    @Test
    void lintPassesStrictly() {
        LintResult result = new Helm(Repository.chart()).lint().strict().call();
        assertFalse(result.isFailed(), () -> "helm lint --strict: " + result.getMessages());
        assertTrue(result.getMessages().stream().noneMatch(m -> m.contains("[ERROR]") || m.contains("[WARNING]")),
                () -> "helm lint --strict: " + result.getMessages());
    }

    @Test
    void defaultValuesRenderEveryServiceAndNothingUnparsed() {
        RenderedChart chart = RenderedChart.defaults();
        // 4 services × (Deployment, Service, ServiceAccount, ConfigMap, PDB, NetworkPolicy, HPA) + Ingress.
        assertEquals(4 * 7 + 1, chart.objects.size(), () -> kinds(chart));
    }

    @Test
    void productionValuesRender() {
        RenderedChart chart = RenderedChart.production();
        // As above, plus a ServiceMonitor per service.
        assertEquals(4 * 8 + 1, chart.objects.size(), () -> kinds(chart));
    }

    @Test
    void safetyScalesLikeTheOtherServices() {
        // Pair detection runs by sector across replicas (Kafka Streams): a fixed count renders as asked.
        RenderedChart chart = RenderedChart.render(null,
                Map.of("services.safety.replicas", 3, "services.safety.autoscaling.enabled", false));
        assertEquals(3, chart.deployment("safety").getSpec().getReplicas());
    }

    @Test
    void schemaRefusesAPasswordInTheRedisUrl() {
        Exception refused = assertThrows(Exception.class,
                () -> RenderedChart.render(null, Map.of("redis.hosts", "redis://:hunter2@redis:6379")));
        assertTrue(refused.getMessage().contains("redis"), refused::getMessage);
    }

    private static String kinds(RenderedChart chart) {
        return chart.objects.stream().map(HasMetadata::getKind).sorted().toList().toString();
    }
}
