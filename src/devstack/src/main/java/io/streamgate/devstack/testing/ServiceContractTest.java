package io.streamgate.devstack.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;

/**
 * What Kubernetes and Prometheus rely on from every service: liveness, a readiness that includes the
 * Kafka and Redis connections, and Prometheus metrics. A service's test extends this and is a
 * {@code @QuarkusTest} against the devstack.
 */
public abstract class ServiceContractTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TestHTTPResource("/")
    URI root;

    @Test
    void readinessIsUpAndCoversKafkaAndRedis() throws Exception {
        HttpResponse<String> ready = get("/q/health/ready");
        assertEquals(200, ready.statusCode(), ready.body());
        assertTrue(ready.body().contains("\"status\": \"UP\"") || ready.body().contains("\"status\":\"UP\""),
                ready.body());
        assertTrue(ready.body().contains("Kafka"), "readiness includes the Kafka connection: " + ready.body());
        assertTrue(ready.body().contains("Redis"), "readiness includes the Redis connection: " + ready.body());
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
