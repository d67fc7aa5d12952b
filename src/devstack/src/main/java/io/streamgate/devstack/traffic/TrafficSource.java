package io.streamgate.devstack.traffic;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import io.streamgate.devstack.SharedData;

/**
 * The demo's live traffic: runs each {@link TrafficGenerator} on a scheduler and posts what it
 * produces to ingest's public API, nothing else. A generator that fails, or an ingest that is down,
 * costs a log line, never the launcher; {@link #close()} stops every thread this class started.
 */
public final class TrafficSource implements AutoCloseable {

    /** A generator's delivery figures so far. */
    public record Stats(long postsDelivered, long recordsAccepted, long failedAttempts, long droppedPosts,
            long refusedPosts, int pendingPosts) {
    }

    private final List<TrafficGenerator> generators;
    private final Map<String, Outbox> outboxes = new LinkedHashMap<>();
    private final IngestClient client;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final Consumer<String> log;
    private final Map<String, Integer> generatorFailures = new ConcurrentHashMap<>();
    private volatile boolean closing;

    private TrafficSource(List<TrafficGenerator> generators, IngestClient client, Clock clock, int maxPending,
            Consumer<String> log) {
        this.generators = List.copyOf(generators);
        this.client = client;
        this.clock = clock;
        // Once stopping, ingest may go away before the last tick ends; that is no outage worth a line.
        this.log = line -> {
            if (!closing) {
                log.accept(line);
            }
        };
        String run = UUID.randomUUID().toString().substring(0, 8);
        for (TrafficGenerator generator : this.generators) {
            if (outboxes.put(generator.name(), new Outbox(generator.name(), "traffic-" + run + "-" + generator.name(),
                    maxPending, this.log)) != null) {
                throw new IllegalArgumentException("two generators are called " + generator.name());
            }
        }
        AtomicInteger threads = new AtomicInteger();
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(Math.max(1, this.generators.size()),
                r -> {
                    Thread thread = new Thread(r, "streamgate-traffic-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        executor.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
        this.scheduler = executor;
    }

    /** The launcher's traffic: the standard generators against {@code ingest}, as configured. */
    public static TrafficSource start(URI ingest, String credential, TrafficConfig config, Consumer<String> log) {
        String run = Long.toString(System.currentTimeMillis() / 1000 % 1_679_616, 36);
        return start(ingest, credential, config, standardGenerators(config, run, log), Clock.systemUTC(), log);
    }

    /** Any generators, any clock (tests, and new feeds before they join the standard set). */
    public static TrafficSource start(URI ingest, String credential, TrafficConfig config,
            List<TrafficGenerator> generators, Clock clock, Consumer<String> log) {
        IngestClient client = new IngestClient(ingest, credential, config.httpTimeout(), 2);
        TrafficSource source = new TrafficSource(generators, client, clock, config.maxPending(), log);
        source.schedule();
        return source;
    }

    /**
     * The extension point: the feeds the launcher runs. Add a generator here to have the demo send it.
     *
     * @param run part of generated ids that must not repeat across launches (job ids)
     */
    public static List<TrafficGenerator> standardGenerators(TrafficConfig config, String run, Consumer<String> log) {
        List<TrafficGenerator> generators = new ArrayList<>();
        try {
            Path swiss = SharedData.file(StateVectorRecording.SWISS);
            generators.add(new AircraftReplay(config.aircraft(), "the Swiss ADS-B recording (842 aircraft, 17 h)",
                    () -> StateVectorRecording.load(swiss), log));
        } catch (IllegalStateException missing) {
            log.accept("traffic: aircraft: no replay: " + missing.getMessage());
        }
        generators.add(new SensorSimulator(config.sensors(), config.seed() ^ 0x5e45_0001L));
        generators.add(new DeviceSimulator(config.devices(), config.seed() ^ 0x5e45_0002L));
        generators.add(new JobQueueSimulator(config.jobs(), config.seed() ^ 0x5e45_0003L, run));
        generators.add(new SmartCitySimulator(config.entities(), config.seed() ^ 0x5e45_0004L));
        return generators;
    }

    public List<TrafficGenerator> generators() {
        return generators;
    }

    /** Delivery figures per generator name. */
    public Map<String, Stats> stats() {
        Map<String, Stats> stats = new LinkedHashMap<>();
        outboxes.forEach((name, o) -> stats.put(name, new Stats(o.postsDelivered.get(), o.recordsAccepted.get(),
                o.failures.get(), o.dropped.get(), o.refused.get(), o.pending())));
        return stats;
    }

    private void schedule() {
        for (TrafficGenerator generator : generators) {
            Outbox outbox = outboxes.get(generator.name());
            long period = generator.interval().toNanos();
            scheduler.scheduleAtFixedRate(() -> run(generator, outbox), 0, period, TimeUnit.NANOSECONDS);
        }
    }

    /** One tick; it must not throw, or the scheduler would silently cancel the generator. */
    private void run(TrafficGenerator generator, Outbox outbox) {
        try {
            outbox.deliver(generator.tick(clock.instant()), client);
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | LinkageError e) {
            generatorFailed(generator, e);
        }
    }

    private void generatorFailed(TrafficGenerator generator, Throwable e) {
        int count = generatorFailures.merge(generator.name(), 1, Integer::sum);
        if (Integer.bitCount(count) == 1) {
            log.accept("traffic: " + generator.name() + ": tick failed (" + count + " so far): " + e);
        }
    }

    /** Stops the generators, waits for a tick in progress, and stops the HTTP client's threads. */
    @Override
    public void close() {
        closing = true;
        scheduler.shutdownNow();
        try {
            if (!scheduler.awaitTermination(10, TimeUnit.SECONDS)) {
                log.accept("traffic: a generator did not stop within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            client.close();
        }
    }
}
