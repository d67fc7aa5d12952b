package io.streamgate.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;

/**
 * The Ingress sends every path a client uses to the service that serves it — each dialect's WebSocket and SSE
 * paths to the gateway, each REST resource to ingest, safety or stats — resolving paths the way the Ingress spec
 * defines {@code Prefix} (element-wise, longest match wins), and keeps long-lived streams open and unbuffered.
 */
class ChartIngressTest {

    static Stream<RenderedChart> renderings() {
        return Stream.of(RenderedChart.defaults(), RenderedChart.production());
    }

    @ParameterizedTest
    @MethodSource("renderings")
    void everyDialectPathReachesTheGateway(RenderedChart chart) {
        List<String> paths = ServicePaths.dialectEndpoints();
        // The five-or-so dialects' endpoints (SkySpy alone has 17): the scan must have found them.
        assertTrue(paths.size() >= 20, () -> "dialect paths found: " + paths);
        assertTrue(paths.containsAll(List.of("/ws/aircraft/", "/api/v1/ws/dashboard", "/api/v1/ws", "/")), paths::toString);
        for (String path : paths) {
            assertEquals(RenderedChart.name("gateway"), backend(chart, ServicePaths.sample(path)), path);
        }
        for (String path : ServicePaths.rest("gateway")) {
            assertEquals(RenderedChart.name("gateway"), backend(chart, path), "gateway REST " + path);
        }
    }

    @ParameterizedTest
    @MethodSource("renderings")
    void everyRestResourceReachesItsService(RenderedChart chart) {
        for (String service : List.of("ingest", "safety", "stats")) {
            List<String> paths = ServicePaths.rest(service);
            assertTrue(!paths.isEmpty(), service);
            for (String path : paths) {
                assertEquals(RenderedChart.name(service), backend(chart, path), service + " " + path);
                assertEquals(RenderedChart.name(service), backend(chart, path + "/some-id"), service + " " + path + "/…");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("renderings")
    void streamsAreNeitherTimedOutNorBuffered(RenderedChart chart) {
        Map<String, String> annotations = ingress(chart).getMetadata().getAnnotations();
        assertEquals("off", annotations.get("nginx.ingress.kubernetes.io/proxy-buffering"));
        assertTrue(Integer.parseInt(annotations.get("nginx.ingress.kubernetes.io/proxy-read-timeout")) >= 3600);
        assertTrue(Integer.parseInt(annotations.get("nginx.ingress.kubernetes.io/proxy-send-timeout")) >= 3600);
        // Ingest takes bodies up to quarkus.http.limits.max-body-size=10M.
        assertEquals("10m", annotations.get("nginx.ingress.kubernetes.io/proxy-body-size"));
        assertTrue(Repository.read(Repository.module("ingest").resolve("src/main/resources/application.properties"))
                .contains("quarkus.http.limits.max-body-size=10M"));
    }

    /** The Service a request path goes to: Ingress {@code Prefix} semantics, longest matching prefix first. */
    private static String backend(RenderedChart chart, String requestPath) {
        Optional<HTTPIngressPath> match = ingress(chart).getSpec().getRules().get(0).getHttp().getPaths().stream()
                .peek(p -> assertEquals("Prefix", p.getPathType()))
                .filter(p -> matches(p.getPath(), requestPath))
                .max(Comparator.comparingInt(p -> p.getPath().length()));
        return match.map(p -> p.getBackend().getService().getName()).orElse("(none)");
    }

    private static boolean matches(String prefix, String path) {
        if (prefix.equals("/")) {
            return true;
        }
        String trimmed = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
        return path.equals(trimmed) || path.startsWith(trimmed + "/");
    }

    private static Ingress ingress(RenderedChart chart) {
        List<Ingress> ingresses = chart.all(Ingress.class);
        assertEquals(1, ingresses.size());
        return ingresses.get(0);
    }
}
