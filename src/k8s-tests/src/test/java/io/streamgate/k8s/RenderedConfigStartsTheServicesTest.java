package io.streamgate.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.streamgate.devstack.ChildProcess;
import io.streamgate.devstack.Deadline;
import io.streamgate.devstack.Devstack;

/**
 * The rendered configuration runs the real services: each packaged jar is started the way its container would
 * start it — the ConfigMap's application.properties in {@code config/} of its working directory, the Deployment's
 * environment — against the devstack's Kafka and Redis (the chart's kafka.bootstrapServers and redis.hosts), and
 * must become ready. Readiness includes the Kafka and Redis connections, which only the ConfigMap names: the
 * platform's fallbacks (localhost:9092, localhost:6379) lead nowhere here.
 */
class RenderedConfigStartsTheServicesTest {

    private static final Duration READY_WITHIN = Duration.ofSeconds(120);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void everyServiceStartsAndGetsReadyOnItsRenderedConfiguration() throws Exception {
        assertNull(System.getenv("KAFKA_BOOTSTRAP_SERVERS"), "the test's own environment would hide the ConfigMap's");
        assertNull(System.getenv("REDIS_HOSTS"), "the test's own environment would hide the ConfigMap's");
        Devstack stack = Devstack.shared();
        RenderedChart chart = RenderedChart.render(null, Map.of(
                "kafka.bootstrapServers", stack.kafka().bootstrapServers(),
                "redis.hosts", stack.redis().uri()));

        Map<String, ChildProcess> processes = new LinkedHashMap<>();
        Map<String, URI> urls = new HashMap<>();
        try {
            for (String service : Repository.SERVICES) {
                Path jar = Repository.module(service).resolve("target/quarkus-app/quarkus-run.jar");
                assertTrue(Files.isRegularFile(jar), jar + " is missing: run with -am so the services are packaged");
                Path workDir = Files.createDirectories(Path.of("target", "run", service).toAbsolutePath());
                Path config = Files.createDirectories(workDir.resolve("config"));
                Files.writeString(config.resolve("application.properties"),
                        chart.get(io.fabric8.kubernetes.api.model.ConfigMap.class, RenderedChart.name(service))
                                .getData().get("application.properties"));
                int port = freePort();
                Map<String, String> env = new HashMap<>();
                for (EnvVar var : ChartObjectsTest.container(chart, service).getEnv()) {
                    assertNull(var.getValueFrom(), "default values reference no Secret: " + var.getName());
                    env.put(var.getName(), var.getValue());
                }
                // The one setting not from the chart: in a pod the port is the container's own, here it must be free.
                env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
                // After JDK_JAVA_OPTIONS (the chart's heap share of a 24 GiB machine), so a small heap wins on the
                // shared test machine.
                List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xmx256m", "-XX:+UseSerialGC",
                        "-Djava.util.logging.manager=org.jboss.logmanager.LogManager", "-jar", jar.toString()));
                processes.put(service, ChildProcess.start(service + "-service", command, env, workDir.toFile(),
                        workDir.resolve("service.log")));
                urls.put(service, URI.create("http://127.0.0.1:" + port));
            }
            for (String service : Repository.SERVICES) {
                ChildProcess process = processes.get(service);
                Deadline.await(service + " ready on its rendered configuration", READY_WITHIN, () -> {
                    if (!process.isAlive()) {
                        throw new AssertionError(service + " exited; log: " + process.log());
                    }
                    return status(urls.get(service).resolve("/q/health/ready")) == 200;
                });
                assertEquals(200, status(urls.get(service).resolve("/q/health/live")), service);
                assertEquals(200, status(urls.get(service).resolve("/q/health/started")), service);
            }
        } finally {
            processes.values().forEach(ChildProcess::close);
        }
    }

    private static int status(URI uri) {
        try {
            return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException notYet) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
