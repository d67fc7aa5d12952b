package io.streamgate.safety.workflows;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.jboss.logging.Logger;

import io.streamgate.safety.sensors.Outbound;

/**
 * One replica's runner: claims due executions from the {@link ExecutionQueue} (at most {@code concurrency} at
 * once) and carries each forward on a thread of its own until it waits (a wait step, a webhook back-off) or ends.
 * Each transition's records are acknowledged by Kafka before its progress is committed to Redis, and the commit
 * holds only under this runner's claim: when it finds the claim lost it stops at once, leaving the execution to
 * the replica that took it over.
 */
public final class ExecutionRunner implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ExecutionRunner.class);

    private final ExecutionQueue queue;
    private final ExecutionStepper stepper;
    private final Consumer<List<Outbound>> sink;
    private final WorkflowsConfig.Runner config;
    private final WorkflowMetrics metrics;
    private final Clock clock;
    private final String replica = UUID.randomUUID().toString();
    private final AtomicLong claims = new AtomicLong();
    private final Semaphore slots;
    private final ExecutorService workers;
    private final ScheduledExecutorService claimer;
    private volatile boolean closed;

    /** @param sink writes records and returns once Kafka acknowledged them, else throws */
    public ExecutionRunner(ExecutionQueue queue, ExecutionStepper stepper, Consumer<List<Outbound>> sink,
            WorkflowsConfig.Runner config, WorkflowMetrics metrics, Clock clock) {
        this.queue = queue;
        this.stepper = stepper;
        this.sink = sink;
        this.config = config;
        this.metrics = metrics;
        this.clock = clock;
        this.slots = new Semaphore(config.concurrency());
        this.workers = Executors.newFixedThreadPool(config.concurrency(), r -> {
            Thread t = new Thread(r, "workflow-runner");
            t.setDaemon(true);
            return t;
        });
        this.claimer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "workflow-claimer");
            t.setDaemon(true);
            return t;
        });
    }

    public void start() {
        claimer.scheduleWithFixedDelay(this::claimDue, 0, config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Claims as many due executions as there are free slots and hands each to a worker. */
    void claimDue() {
        int free = slots.drainPermits();
        if (free == 0) {
            return;
        }
        List<ExecutionQueue.Claim> claimed;
        try {
            claimed = queue.claim(clock.instant(), config.lease(), free, replica + ":" + claims.incrementAndGet());
        } catch (RuntimeException e) {
            slots.release(free);
            if (!closed) {
                LOG.warnf("claiming due workflow executions failed, trying again: %s", e.toString());
            }
            return;
        }
        slots.release(free - claimed.size());
        for (ExecutionQueue.Claim claim : claimed) {
            try {
                workers.execute(() -> {
                    try {
                        run(claim);
                    } finally {
                        slots.release();
                    }
                });
            } catch (RejectedExecutionException e) {
                // Shutting down: the claim runs out and another replica (or this one, restarted) resumes it.
                slots.release();
            }
        }
    }

    /** Carries one claimed execution forward as far as it goes now. */
    void run(ExecutionQueue.Claim claim) {
        try {
            ExecutionQueue.Loaded loaded = queue.load(claim);
            if (loaded == null) {
                queue.drop(claim);
                return;
            }
            RunState run = loaded.run();
            var doc = loaded.execution();
            while (true) {
                ExecutionStepper.Transition transition = stepper.advance(run, doc);
                if (!transition.records().isEmpty()) {
                    sink.accept(transition.records());
                }
                if (!queue.commit(claim, run.workflowId(), transition.progress())) {
                    metrics.leaseLost();
                    LOG.warnf("execution %s was taken over by another replica; leaving it", claim.executionId());
                    return;
                }
                if (!transition.goOn()) {
                    return;
                }
                run = transition.progress().run();
                doc = transition.progress().execution();
            }
        } catch (RuntimeException e) {
            // Nothing of the failed transition was committed: the claim runs out and the execution is picked up
            // again where its last commit left it.
            LOG.warnf("execution %s of tenant %s stopped, resumed after its lease: %s", claim.executionId(),
                    claim.tenant(), e.toString());
        }
    }

    /** Stops claiming; executions in progress either finish their transition or are resumed after their lease. */
    @Override
    public void close() {
        closed = true;
        claimer.shutdownNow();
        workers.shutdown();
        try {
            if (!workers.awaitTermination(5, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            workers.shutdownNow();
        }
    }
}
