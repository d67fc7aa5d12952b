package io.streamgate.devstack;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What devstack started stops in one order when the JVM exits (Ctrl-C, SIGTERM, the end of a test run): the
 * demo traffic first, then every service at once (each drains to Kafka on the way down), then Kafka and Redis,
 * then whatever waits for the end. One JVM shutdown hook runs the stages; separate hooks would run all at once
 * and stop Kafka under services that are still flushing to it.
 */
public final class ShutdownOrder {

    public enum Stage {
        /** Clients of the stack: nothing should post to a service that is going away. */
        TRAFFIC,
        /** The services, in parallel: each is bounded by its own graceful timeout. */
        SERVICES,
        /** Kafka and Redis, and their temporary data. */
        INFRASTRUCTURE,
        /** Who reports that everything stopped. */
        DONE
    }

    private static final Map<Stage, Set<Runnable>> TASKS = new EnumMap<>(Stage.class);
    private static boolean hooked;

    private ShutdownOrder() {
    }

    /** Runs {@code task} at {@code stage} when the JVM exits, unless {@link #cancel cancelled} first. */
    public static synchronized void register(Stage stage, Runnable task) {
        if (!hooked) {
            Runtime.getRuntime().addShutdownHook(new Thread(ShutdownOrder::runAll, "devstack-shutdown"));
            hooked = true;
        }
        TASKS.computeIfAbsent(stage, s -> new LinkedHashSet<>()).add(task);
    }

    public static synchronized void cancel(Stage stage, Runnable task) {
        Set<Runnable> tasks = TASKS.get(stage);
        if (tasks != null) {
            tasks.remove(task);
        }
    }

    private static void runAll() {
        for (Stage stage : Stage.values()) {
            List<Runnable> tasks;
            synchronized (ShutdownOrder.class) {
                tasks = new ArrayList<>(TASKS.getOrDefault(stage, Set.of()));
            }
            List<Thread> running = new ArrayList<>(tasks.size());
            for (Runnable task : tasks) {
                Thread thread = new Thread(() -> {
                    try {
                        task.run();
                    } catch (RuntimeException e) {
                        System.err.println("devstack: stopping failed at " + stage + ": " + e);
                    }
                }, "devstack-stop-" + stage.name().toLowerCase());
                thread.start();
                running.add(thread);
            }
            for (Thread thread : running) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
