package io.streamgate.devstack;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.config.TopicConfig;

import io.streamgate.platform.topic.Topic;

/**
 * A single-node Apache Kafka broker in KRaft mode (broker and controller in one process), run as a
 * child JVM through {@code kafka.Kafka server.properties}, the broker's public entry point. Its
 * classpath is the runtime closure of {@code org.apache.kafka:kafka_2.13}, resolved by Maven at
 * build time. The broker can be stopped and started again on the same ports and data, which is how
 * tests take Kafka away from a running service.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final String CLASSPATH_RESOURCE = "broker.classpath";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Path home;
    private final int port;
    private final int controllerPort;
    private final Path config;
    private final String classpath;
    private final Restartable process = new Restartable();

    private KafkaBroker(Path home) {
        this.home = home;
        this.port = FreePort.pick();
        this.controllerPort = FreePort.pick();
        this.config = home.resolve("server.properties");
        this.classpath = readClasspath();
    }

    /** Formats storage under {@code home} and starts the broker; returns once it answers. */
    public static KafkaBroker start(Path home) {
        KafkaBroker broker = new KafkaBroker(home);
        broker.writeConfig();
        broker.format();
        broker.start();
        return broker;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public boolean isRunning() {
        return process.isRunning();
    }

    /** The broker's process id while it runs (for a sampler reading /proc), empty while it is stopped or killed. */
    public OptionalLong pid() {
        return isRunning() ? OptionalLong.of(process.current().pid()) : OptionalLong.empty();
    }

    /** Starts the broker again after {@link #stop()}, on the same port and data. */
    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        List<String> command = new ArrayList<>(List.of(Java.executable(), "-Xms64m", "-Xmx512m",
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true",
                "-Dlog4j2.configurationFile=" + writeLogConfig(), "-cp", classpath, "kafka.Kafka",
                config.toString()));
        process.started(ChildProcess.start("kafka", command, Map.of(), home.toFile(), home.resolve("kafka.log"),
                ShutdownOrder.Stage.INFRASTRUCTURE));
        try {
            Deadline.await("Kafka on " + bootstrapServers(), START_TIMEOUT, this::answers);
        } catch (IllegalStateException e) {
            throw new IllegalStateException(e.getMessage() + " (log: " + process.current().log() + ")", e);
        }
    }

    /** Stops the broker (SIGTERM, then SIGKILL) and keeps its data for a later {@link #start()}. */
    public void stop() {
        process.stop();
    }

    /**
     * Kills the broker (SIGKILL: no controlled shutdown, no final flush) and keeps its data for a later
     * {@link #start()}; what it acknowledged is in the page cache and survives, as with a crashed broker process.
     */
    public void kill() {
        process.kill();
    }

    /** Creates the topics that do not exist yet; compacted ones get {@code cleanup.policy=compact}. */
    public void createTopics(Collection<Topic> topics, int partitions) {
        try (Admin admin = admin()) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = topics.stream().filter(t -> !existing.contains(t.name()))
                    .map(t -> new NewTopic(t.name(), partitions, (short) 1).configs(t.compacted()
                            ? Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)
                            : Map.of()))
                    .collect(Collectors.toList());
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create topics on " + bootstrapServers(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        }
    }

    @Override
    public void close() {
        stop();
    }

    private boolean answers() {
        if (!isRunning()) {
            throw new IllegalStateException("Kafka exited during start (log: " + process.current().log() + ")");
        }
        if (!acceptsConnections()) {
            return false;
        }
        try (Admin admin = admin()) {
            return !admin.describeCluster().nodes().get(2, TimeUnit.SECONDS).isEmpty();
        } catch (ExecutionException | TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** A cheap probe first, so the admin client does not log connection failures while the JVM boots. */
    private boolean acceptsConnections() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    private Admin admin() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        return Admin.create(props);
    }

    private void format() {
        List<String> command = List.of(Java.executable(), "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-Dlog4j2.configurationFile=" + writeLogConfig(), "-cp", classpath, "kafka.tools.StorageTool",
                "format", "--cluster-id", Uuid.randomUuid().toString(), "--config", config.toString());
        try (ChildProcess formatter = ChildProcess.start("kafka-format", command, Map.of(), home.toFile(),
                home.resolve("kafka-format.log"))) {
            int exit = formatter.awaitExit(60, TimeUnit.SECONDS);
            if (exit != 0) {
                throw new IllegalStateException("formatting Kafka storage failed with exit code " + exit + ": "
                        + read(formatter.log()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while formatting Kafka storage", e);
        }
    }

    private void writeConfig() {
        String properties = String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + home.resolve("data"),
                "num.partitions=3",
                "auto.create.topics.enable=true",
                "min.insync.replicas=1",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=3",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "transaction.state.log.num.partitions=3",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "log.retention.hours=24",
                "") ;
        write(config, properties);
    }

    private String writeLogConfig() {
        Path file = home.resolve("log4j2.properties");
        if (!Files.exists(file)) {
            write(file, String.join("\n",
                    "appender.console.type=Console",
                    "appender.console.name=STDOUT",
                    "appender.console.layout.type=PatternLayout",
                    "appender.console.layout.pattern=%d{ISO8601} %-5p [%c] %m%n",
                    "rootLogger.level=WARN",
                    "rootLogger.appenderRef.stdout.ref=STDOUT",
                    ""));
        }
        return file.toString();
    }

    private static String readClasspath() {
        try (InputStream in = KafkaBroker.class.getResourceAsStream(CLASSPATH_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(CLASSPATH_RESOURCE + " is missing: build src/devstack with Maven");
            }
            String classpath = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            for (String entry : classpath.split(File.pathSeparator)) {
                if (!new File(entry).exists()) {
                    throw new IllegalStateException("the broker classpath names a missing jar, rebuild src/devstack: "
                            + entry);
                }
            }
            return classpath;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String content) {
        try {
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
