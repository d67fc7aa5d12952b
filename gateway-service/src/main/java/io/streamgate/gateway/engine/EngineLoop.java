package io.streamgate.gateway.engine;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

/**
 * The engine's single thread. Views, subscriptions and fan-out are mutated only here, so they need no
 * locks and a subscription and its snapshot are ordered against every update: a client never sees an
 * update for state its snapshot did not include, nor misses one that came after.
 */
@ApplicationScoped
public class EngineLoop {

    private static final Logger LOG = Logger.getLogger(EngineLoop.class);

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "gateway-engine");
        thread.setDaemon(true);
        return thread;
    });

    public void execute(Runnable task) {
        executor.execute(guarded(task));
    }

    public <T> CompletableFuture<T> submit(Supplier<T> task) {
        return CompletableFuture.supplyAsync(task, executor);
    }

    /** Runs {@code task} once after {@code delay}, on the engine thread. */
    public void schedule(Duration delay, Runnable task) {
        executor.schedule(guarded(task), Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
    }

    /** Runs {@code task} every {@code period} on the engine thread; a failing run does not stop the next. */
    public void every(Duration period, Runnable task) {
        executor.scheduleAtFixedRate(guarded(task), period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    private static Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.error("engine task failed", e);
            }
        };
    }
}
