package io.streamgate.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.Map;

import io.streamgate.platform.topic.Topics;

/**
 * Kafka and Redis for one JVM, in a temporary directory that is removed on {@link #close()}. Tests
 * share one instance per JVM through {@link #shared()}; the launcher owns its own.
 */
public final class Devstack implements AutoCloseable {

    /** Partitions per catalogue topic: enough to exercise per-key order, light on two cores. */
    public static final int PARTITIONS = 3;

    private static final String SHARED_HOME_PROPERTY = "streamgate.devstack.shared-home";
    private static final String SHARED_KAFKA_PROPERTY = "streamgate.devstack.shared-kafka";
    private static final String SHARED_REDIS_PROPERTY = "streamgate.devstack.shared-redis";
    private static final String SHARED_JWT_KEY_PROPERTY = "streamgate.devstack.shared-jwt-public-key";
    private static Devstack shared;

    private final Path home;
    private final KafkaBroker kafka;
    private final RedisServer redis;
    private final DevCredentials credentials;

    private Devstack(Path home, KafkaBroker kafka, RedisServer redis, DevCredentials credentials) {
        this.home = home;
        this.kafka = kafka;
        this.redis = redis;
        this.credentials = credentials;
    }

    /** Starts Redis and Kafka and creates every topic of the catalogue. */
    public static Devstack start() {
        Path home = createHome();
        RedisServer redis = null;
        try {
            redis = RedisServer.start(home.resolve("redis"));
            KafkaBroker kafka = KafkaBroker.start(home.resolve("kafka"));
            kafka.createTopics(Topics.ALL, PARTITIONS);
            DevCredentials credentials = DevCredentials.generate(home);
            System.setProperty(DevCredentials.PRIVATE_KEY_PROPERTY, credentials.privateKey().toString());
            return new Devstack(home, kafka, redis, credentials);
        } catch (RuntimeException e) {
            if (redis != null) {
                redis.close();
            }
            deleteRecursively(home);
            throw e;
        }
    }

    /** The stack shared by everything in this JVM, started on first use, stopped when the JVM exits. */
    public static synchronized Devstack shared() {
        if (shared == null) {
            String running = System.getProperty(SHARED_HOME_PROPERTY);
            if (running != null) {
                // Another class loader of this JVM already started the shared stack; a second broker
                // would silently split the tests across two clusters.
                throw new IllegalStateException("the shared devstack at " + running
                        + " was started by another class loader; reach it through its configuration");
            }
            shared = start();
            System.setProperty(SHARED_HOME_PROPERTY, shared.home.toString());
            System.setProperty(SHARED_KAFKA_PROPERTY, shared.kafka.bootstrapServers());
            System.setProperty(SHARED_REDIS_PROPERTY, shared.redis.uri());
            System.setProperty(SHARED_JWT_KEY_PROPERTY, shared.credentials.publicKey().toString());
            ShutdownOrder.register(ShutdownOrder.Stage.INFRASTRUCTURE, shared::close);
        }
        return shared;
    }

    /**
     * The address book of the JVM's shared stack: Kafka, Redis and the JWT key a service needs. Works
     * from any class loader (Quarkus gives each test profile its own), starting the stack only once.
     */
    public static synchronized Map<String, String> sharedServiceConfig() {
        if (shared == null && System.getProperty(SHARED_HOME_PROPERTY) != null) {
            Map<String, String> config = new HashMap<>();
            config.put("kafka.bootstrap.servers", System.getProperty(SHARED_KAFKA_PROPERTY));
            config.put("quarkus.redis.hosts", System.getProperty(SHARED_REDIS_PROPERTY));
            config.put("streamgate.auth.jwt.issuer", DevCredentials.ISSUER);
            config.put("streamgate.auth.jwt.public-key-location", System.getProperty(SHARED_JWT_KEY_PROPERTY));
            config.put("streamgate.auth.tokens.private-key-location",
                    System.getProperty(DevCredentials.PRIVATE_KEY_PROPERTY));
            return config;
        }
        Devstack stack = shared();
        Map<String, String> config = new HashMap<>(stack.credentials.serviceConfig());
        config.put("kafka.bootstrap.servers", stack.kafka.bootstrapServers());
        config.put("quarkus.redis.hosts", stack.redis.uri());
        return config;
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    public RedisServer redis() {
        return redis;
    }

    public DevCredentials credentials() {
        return credentials;
    }

    public Path home() {
        return home;
    }

    @Override
    public synchronized void close() {
        kafka.close();
        redis.close();
        deleteRecursively(home);
    }

    private static Path createHome() {
        try {
            Path home = Files.createTempDirectory("streamgate-devstack-");
            Files.createDirectories(home.resolve("redis"));
            Files.createDirectories(home.resolve("kafka"));
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the devstack directory", e);
        }
    }

    static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            System.err.println("devstack: could not remove " + root + ": " + e.getMessage());
        }
    }
}
