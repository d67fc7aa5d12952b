package io.streamgate.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The whole StreamGate system on this machine: Kafka, Redis and the four services from their
 * packaged jars. Used by the run command and by the end-to-end tests.
 */
public final class Stack implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

    private final Devstack infrastructure;
    private final Map<Service, ServiceProcess> services;
    private final Path logDir;
    /** Further instances of a service ({@link #startReplica}), stopped with the stack. */
    private final List<ServiceProcess> replicas = new ArrayList<>();

    private Stack(Devstack infrastructure, Map<Service, ServiceProcess> services, Path logDir) {
        this.infrastructure = infrastructure;
        this.services = services;
        this.logDir = logDir;
    }

    /**
     * Starts everything and returns once every service reports ready.
     *
     * @param fixedPorts true for each service's default port (the run command), false for free ports (tests)
     */
    public static Stack start(boolean fixedPorts) {
        return start(fixedPorts, EnumSet.allOf(Service.class));
    }

    /**
     * Starts Kafka, Redis and only {@code which} of the services: a benchmark of one service leaves
     * out the others, whose consumers would otherwise compete with it for the same cores.
     */
    public static Stack start(boolean fixedPorts, Set<Service> which) {
        Path root = repositoryRoot();
        Devstack infrastructure = Devstack.start();
        Map<Service, ServiceProcess> services = new EnumMap<>(Service.class);
        Path logDir = root.resolve("target/stack-logs");
        try {
            Files.createDirectories(logDir);
            for (Service service : which) {
                int port = fixedPorts ? service.defaultPort() : FreePort.pick();
                services.put(service, ServiceProcess.launch(service, root, port, infrastructure, logDir));
            }
            for (ServiceProcess process : services.values()) {
                process.awaitReady(READY_TIMEOUT);
            }
            return new Stack(infrastructure, services, logDir);
        } catch (IOException | RuntimeException e) {
            services.values().forEach(ServiceProcess::close);
            infrastructure.close();
            if (e instanceof IOException io) {
                throw new UncheckedIOException(io);
            }
            throw (RuntimeException) e;
        }
    }

    /**
     * Stops one service and starts it again on the same port, as a deploy or a crash-and-restart does;
     * returns once it reports ready. Its clients see their connections end and must come back by themselves.
     */
    public void restart(Service service) {
        ServiceProcess old = services.get(service);
        int port = old.url().getPort();
        old.close();
        ServiceProcess fresh = ServiceProcess.launch(service, repositoryRoot(), port, infrastructure, logDir);
        services.put(service, fresh);
        fresh.awaitReady(READY_TIMEOUT);
    }

    /**
     * Starts one more instance of {@code service} on a free port, against the same Kafka and Redis, as a second
     * Kubernetes replica would run; returns once it reports ready. It logs to {@code <module>-<port>.log}.
     */
    public synchronized ServiceProcess startReplica(Service service) {
        int port = FreePort.pick();
        ServiceProcess replica = ServiceProcess.launch(service, repositoryRoot(), port, infrastructure, logDir,
                service.module() + "-" + port + ".log");
        replicas.add(replica);
        replica.awaitReady(READY_TIMEOUT);
        return replica;
    }

    /**
     * Starts {@code instance} (the main one or a replica, running, stopped or killed) again on its port and log, as
     * Kubernetes restarts a crashed pod; returns the new process once it reports ready.
     */
    public synchronized ServiceProcess relaunch(ServiceProcess instance) {
        instance.close();
        ServiceProcess fresh = ServiceProcess.launch(instance.service(), repositoryRoot(), instance.port(),
                infrastructure, logDir, instance.log().getFileName().toString());
        if (services.get(instance.service()) == instance) {
            services.put(instance.service(), fresh);
        } else {
            replicas.set(replicas.indexOf(instance), fresh);
        }
        fresh.awaitReady(READY_TIMEOUT);
        return fresh;
    }

    public URI url(Service service) {
        return services.get(service).url();
    }

    public ServiceProcess process(Service service) {
        return services.get(service);
    }

    public Devstack infrastructure() {
        return infrastructure;
    }

    public Path logDir() {
        return logDir;
    }

    /** Stops the services first (they flush to Kafka on the way down), then Kafka and Redis. */
    @Override
    public void close() {
        List<ServiceProcess> reversed = new ArrayList<>(services.values());
        Collections.reverse(reversed);
        reversed.addAll(0, replicas);
        reversed.forEach(ServiceProcess::close);
        infrastructure.close();
    }

    /** The checkout's root: {@code -Dstreamgate.root}, else the nearest parent holding the service modules. */
    public static Path repositoryRoot() {
        String configured = System.getProperty("streamgate.root");
        if (configured != null) {
            return Path.of(configured).toAbsolutePath();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve(Service.INGEST.module())) && Files.exists(dir.resolve("mvnw"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the StreamGate checkout above " + Path.of("").toAbsolutePath()
                + "; set -Dstreamgate.root");
    }
}
