package io.streamgate.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One service running from its packaged Quarkus fast-jar, as it would in a container. */
public final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Service service;
    private final int port;
    private final ChildProcess process;

    private ServiceProcess(Service service, int port, ChildProcess process) {
        this.service = service;
        this.port = port;
        this.process = process;
    }

    /**
     * Starts the service on {@code port} against the devstack's Kafka and Redis, accepting its tokens,
     * without waiting for it.
     *
     * @param root the repository root, where {@code <module>/target/quarkus-app/quarkus-run.jar} lives
     */
    public static ServiceProcess launch(Service service, Path root, int port, Devstack infrastructure, Path logDir) {
        return launch(service, root, port, infrastructure, logDir, service.module() + ".log");
    }

    /** As {@link #launch(Service, Path, int, Devstack, Path)}, logging to {@code logName}: a second replica's own file. */
    public static ServiceProcess launch(Service service, Path root, int port, Devstack infrastructure, Path logDir,
            String logName) {
        Path jar = root.resolve(service.module()).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: package the services first (./mvnw -DskipTests package)");
        }
        List<String> extra = service.extraJvmArgs();
        List<String> command = new ArrayList<>(List.of(Java.executable(), service.heap()));
        // The small-footprint default collector, unless the extra options choose one: two would be refused.
        if (extra.stream().noneMatch(option -> option.matches("-XX:\\+Use\\w+GC"))) {
            command.add("-XX:+UseSerialGC");
        }
        command.addAll(extra);
        command.addAll(List.of("-Djava.util.logging.manager=org.jboss.logmanager.LogManager", "-jar", jar.toString()));
        Map<String, String> env = Map.of(
                // The traffic replays a recording around Zurich: stats-service measures its range from there.
                "STREAMGATE_STATS_AIRCRAFT_RECEIVER_LAT", "47.4582",
                "STREAMGATE_STATS_AIRCRAFT_RECEIVER_LON", "8.5555",
                "QUARKUS_HTTP_PORT", String.valueOf(port),
                "KAFKA_BOOTSTRAP_SERVERS", infrastructure.kafka().bootstrapServers(),
                "REDIS_HOSTS", infrastructure.redis().uri(),
                "STREAMGATE_AUTH_JWT_ISSUER", DevCredentials.ISSUER,
                "STREAMGATE_AUTH_JWT_PUBLIC_KEY_LOCATION", infrastructure.credentials().publicKey().toString(),
                // The run's throw-away key: the services issue tokens (Spooled's login, the shared refresh) too.
                "STREAMGATE_AUTH_TOKENS_PRIVATE_KEY_LOCATION", infrastructure.credentials().privateKey().toString());
        ChildProcess process = ChildProcess.start(service.module(), command, env, root.toFile(),
                logDir.resolve(logName));
        return new ServiceProcess(service, port, process);
    }

    public Service service() {
        return service;
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return process.log();
    }

    /** Waits until {@code /q/health/ready} answers 200. */
    public void awaitReady(Duration timeout) {
        HttpRequest ready = HttpRequest.newBuilder(url().resolve("/q/health/ready")).timeout(Duration.ofSeconds(2))
                .GET().build();
        Deadline.await(service.module() + " readiness", timeout, () -> {
            if (!process.isAlive()) {
                throw new IllegalStateException(service.module() + " exited during start (log: " + log() + ")");
            }
            try {
                return HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException notYet) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        });
    }

    public int port() {
        return port;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL: the service gets no chance to flush, commit offsets or close its connections. */
    public void kill() {
        process.kill();
    }

    @Override
    public void close() {
        process.close();
    }
}
