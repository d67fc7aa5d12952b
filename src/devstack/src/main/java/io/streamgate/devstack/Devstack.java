package io.streamgate.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

import io.streamgate.platform.topic.Topics;

/**
 * Kafka and Redis for one JVM, in a temporary directory that is removed on {@link #close()}. Tests
 * share one instance per JVM through {@link #shared()}; the launcher owns its own.
 */
public final class Devstack implements AutoCloseable {

    /** Partitions per catalogue topic: enough to exercise per-key order, light on two cores. */
    public static final int PARTITIONS = 3;

    private static final String SHARED_HOME_PROPERTY = "streamgate.devstack.shared-home";
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
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "devstack-shutdown"));
        }
        return shared;
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
