package io.streamgate.devstack.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.streamgate.devstack.Deadline;
import io.streamgate.platform.json.Json;

/**
 * What Kubernetes and Prometheus rely on from every service: liveness, a readiness that includes the
 * Kafka and Redis connections, and Prometheus metrics. A service's test extends this and is a
 * {@code @QuarkusTest} against the devstack.
 */
public abstract class ServiceContractTest {

    /** The readiness checks of Quarkus's Kafka and Redis clients (enabled in platform's configuration). */
    public static final String KAFKA_CHECK = "Kafka connection health check";
    public static final String REDIS_CHECK = "Redis connection health check";

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TestHTTPResource("/")
    URI root;

    /**
     * How long readiness may stay DOWN after start, as a Kubernetes readiness probe would keep polling: a Kafka
     * Streams topology, for one, is CREATED until its rebalance settles, which on a loaded machine takes seconds.
     */
    protected static final Duration READY_WITHIN = Duration.ofSeconds(60);

    @Test
    void readinessIsUpAndCoversKafkaAndRedis() throws Exception {
        AtomicReference<HttpResponse<String>> last = new AtomicReference<>();
        try {
            Deadline.await("readiness UP", READY_WITHIN, () -> {
                try {
                    last.set(get("/q/health/ready"));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
                return last.get().statusCode() == 200;
            });
        } catch (IllegalStateException notReady) {
            // the assertion below says what stayed DOWN
        }
        HttpResponse<String> ready = last.get();
        assertEquals(200, ready.statusCode(), ready.body());
        JsonNode health = Json.mapper().readTree(ready.body());
        assertEquals("UP", health.path("status").asText(), ready.body());
        Map<String, String> statusByCheck = new HashMap<>();
        health.path("checks").forEach(check -> statusByCheck.put(check.path("name").asText(),
                check.path("status").asText()));
        for (String name : readinessChecks()) {
            assertTrue(statusByCheck.containsKey(name), "readiness has the check '" + name + "': " + ready.body());
            assertEquals("UP", statusByCheck.get(name), "the check '" + name + "' is UP: " + ready.body());
        }
    }

    /** The checks readiness must hold, each UP: the Kafka and Redis connections; a service adds its own. */
    protected Set<String> readinessChecks() {
        return Set.of(KAFKA_CHECK, REDIS_CHECK);
    }

    @Test
    void livenessIsUp() throws Exception {
        assertEquals(200, get("/q/health/live").statusCode());
    }

    @Test
    void prometheusMetricsAreExposed() throws Exception {
        HttpResponse<String> metrics = get("/q/metrics");
        assertEquals(200, metrics.statusCode());
        assertTrue(metrics.body().contains("jvm_memory_used_bytes"), "JVM metrics are exported");
    }

    protected HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(root.resolve(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
