package io.streamgate.devstack.traffic;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;

import io.streamgate.platform.jobs.JobEvent;
import io.streamgate.platform.jobs.WorkerEvent;

/**
 * Job queues and the workers that drain them, as a discrete-event simulation on the wall clock. Jobs
 * arrive at random (Poisson) per queue, wait for a free worker of their queue (highest priority
 * first), run, and complete or fail; a failed attempt is retried with exponential back-off until the
 * queue's attempts are used up, then the job is dead-lettered. Workers register, heartbeat, and one of
 * them leaves after a while (it drains its running jobs first) and comes back later.
 *
 * <p>Event sequences per job: {@code created(pending) → status_change(pending→running) →
 * completed | failed}; after a failed attempt that will be retried {@code status_change(failed→scheduled)
 * → status_change(scheduled→pending) → status_change(pending→running) → …}; after the last one
 * {@code status_change(failed→deadletter)}. A job's events have strictly increasing timestamps and are
 * emitted in that order.
 */
public final class JobQueueSimulator implements TrafficGenerator {

    /**
     * @param interval          how often events are posted ({@code streamgate.traffic.jobs.interval}, default 1s)
     * @param arrivalScale      multiplies every queue's arrival rate ({@code streamgate.traffic.jobs.arrival-scale},
     *                          default 1: about 1.6 jobs per second over the three queues)
     * @param heartbeatInterval between two heartbeats of a worker
     *                          ({@code streamgate.traffic.jobs.heartbeat-interval}, default 10s)
     * @param workerLeaveAfter  when the {@link #LEAVING_WORKER} starts draining to deregister, after it
     *                          (re)registered ({@code streamgate.traffic.jobs.worker-leave-after}, default 3m)
     * @param workerAway        how long it stays away ({@code streamgate.traffic.jobs.worker-away}, default 2m)
     */
    public record Settings(Duration interval, double arrivalScale, Duration heartbeatInterval,
            Duration workerLeaveAfter, Duration workerAway) {

        public static final Settings DEFAULTS = new Settings(Duration.ofSeconds(1), 1.0, Duration.ofSeconds(10),
                Duration.ofMinutes(3), Duration.ofMinutes(2));

        public Settings {
            Durations.requirePositive(interval, "jobs.interval");
            Durations.requirePositive(heartbeatInterval, "jobs.heartbeat-interval");
            Durations.requirePositive(workerLeaveAfter, "jobs.worker-leave-after");
            Durations.requirePositive(workerAway, "jobs.worker-away");
            if (!(arrivalScale >= 0)) {
                throw new IllegalArgumentException("jobs.arrival-scale must not be negative");
            }
        }

        static Settings read(Settings defaults, SettingsSource s) {
            String p = "streamgate.traffic.jobs.";
            return new Settings(s.duration(p + "interval", defaults.interval()),
                    s.number(p + "arrival-scale", defaults.arrivalScale()),
                    s.duration(p + "heartbeat-interval", defaults.heartbeatInterval()),
                    s.duration(p + "worker-leave-after", defaults.workerLeaveAfter()),
                    s.duration(p + "worker-away", defaults.workerAway()));
        }
    }

    /**
     * @param arrivalsPerSecond mean arrival rate before {@link Settings#arrivalScale()}
     * @param meanSeconds       mean run time of an attempt (log-normal)
     * @param failureRate       chance that an attempt fails
     */
    public record Queue(String name, double arrivalsPerSecond, double meanSeconds, double failureRate,
            int maxAttempts, List<String> errors) {
    }

    public record Worker(String id, String hostname, List<String> queues, int maxJobs) {
    }

    public static final List<Queue> QUEUES = List.of(
            new Queue("emails", 0.5, 0.8, 0.15, 3,
                    List.of("SMTP timeout", "421 service not available", "connection reset by peer")),
            new Queue("reports", 0.1, 12, 0.10, 2, List.of("query timeout after 30 s", "out of memory")),
            new Queue("thumbnails", 1.0, 1.5, 0.05, 3,
                    List.of("unsupported image format", "source object not found")));

    public static final List<Worker> WORKERS = List.of(
            new Worker("w-mail-1", "mail-1.workers.local", List.of("emails"), 2),
            new Worker("w-batch-1", "batch-1.workers.local", List.of("reports", "thumbnails"), 3),
            new Worker("w-media-1", "media-1.workers.local", List.of("thumbnails"), 4),
            new Worker("w-media-2", "media-2.workers.local", List.of("thumbnails", "emails"), 3));

    /** The worker that deregisters (after draining) and registers again, in a cycle. */
    public static final String LEAVING_WORKER = "w-media-2";

    /** Jobs a queue may hold waiting before new arrivals are held back, should the workers fall behind. */
    private static final int MAX_WAITING = 500;
    private static final int[] PRIORITIES = {0, 0, 0, 5, 10};

    /** What one advance produced, each list in emission order. */
    public record Emitted(List<JobEvent> jobs, List<WorkerEvent> workers) {
    }

    private record Timer(long at, long sequence, Runnable action) {
    }

    private static final class Job {
        final String id;
        final Queue queue;
        final int priority;
        final long sequence;
        int attempt;
        String status = "pending";
        WorkerState worker;
        long startedAt;
        long last = Long.MIN_VALUE;

        Job(String id, Queue queue, int priority, long sequence) {
            this.id = id;
            this.queue = queue;
            this.priority = priority;
            this.sequence = sequence;
        }
    }

    private static final class WorkerState {
        final Worker spec;
        final Set<Job> running = new LinkedHashSet<>();
        boolean registered;
        boolean draining;
        long last = Long.MIN_VALUE;

        WorkerState(Worker spec) {
            this.spec = spec;
        }
    }

    private static final Comparator<Job> DISPATCH_ORDER = Comparator.<Job>comparingInt(j -> -j.priority)
            .thenComparingLong(j -> j.sequence);

    private final Settings settings;
    private final Random random;
    private final PriorityQueue<Timer> timers = new PriorityQueue<>(
            Comparator.comparingLong(Timer::at).thenComparingLong(Timer::sequence));
    private final Map<String, PriorityQueue<Job>> waiting = new HashMap<>();
    private final Map<String, WorkerState> workers = new LinkedHashMap<>();
    private final String runId;
    private List<JobEvent> jobEvents = new ArrayList<>();
    private List<WorkerEvent> workerEvents = new ArrayList<>();
    private long timerSequence;
    private long jobSequence;
    private boolean started;

    /**
     * @param runId part of every job id, so that a second launch does not continue the first one's jobs
     *              (the seed alone would repeat them)
     */
    public JobQueueSimulator(Settings settings, long seed, String runId) {
        this.settings = settings;
        this.random = new Random(seed);
        this.runId = runId;
        QUEUES.forEach(q -> waiting.put(q.name(), new PriorityQueue<>(DISPATCH_ORDER)));
        WORKERS.forEach(w -> workers.put(w.id(), new WorkerState(w)));
    }

    @Override
    public String name() {
        return "jobs";
    }

    @Override
    public Duration interval() {
        return settings.interval();
    }

    @Override
    public String describe() {
        return QUEUES.size() + " queues " + QUEUES.stream().map(Queue::name).toList() + ", " + WORKERS.size()
                + " workers (" + LEAVING_WORKER + " leaves every " + Durations.format(settings.workerLeaveAfter())
                + ") → " + IngestPost.JOB_EVENTS + ", " + IngestPost.WORKER_EVENTS;
    }

    @Override
    public List<IngestPost> tick(Instant now) {
        Emitted emitted = advance(now);
        List<IngestPost> posts = new ArrayList<>(2);
        if (!emitted.jobs().isEmpty()) {
            posts.add(IngestPost.batch(IngestPost.JOB_EVENTS, "events", emitted.jobs()));
        }
        if (!emitted.workers().isEmpty()) {
            posts.add(IngestPost.batch(IngestPost.WORKER_EVENTS, "events", emitted.workers()));
        }
        return posts;
    }

    /** Runs the simulation up to {@code now} and returns what happened since the last call. */
    public Emitted advance(Instant now) {
        long until = now.toEpochMilli();
        if (!started) {
            started = true;
            begin(until);
        }
        while (!timers.isEmpty() && timers.peek().at() <= until) {
            timers.poll().action().run();
        }
        Emitted emitted = new Emitted(jobEvents, workerEvents);
        jobEvents = new ArrayList<>();
        workerEvents = new ArrayList<>();
        return emitted;
    }

    private void begin(long at) {
        for (WorkerState worker : workers.values()) {
            register(worker, at);
            schedule(at + settings.heartbeatInterval().toMillis(), () -> heartbeat(worker,
                    at + settings.heartbeatInterval().toMillis()));
        }
        schedule(at + settings.workerLeaveAfter().toMillis(), () -> leave(workers.get(LEAVING_WORKER),
                at + settings.workerLeaveAfter().toMillis()));
        for (Queue queue : QUEUES) {
            scheduleArrival(queue, at);
        }
    }

    private void scheduleArrival(Queue queue, long after) {
        double rate = queue.arrivalsPerSecond() * settings.arrivalScale();
        if (rate <= 0) {
            return;
        }
        long at = after + Math.max(1, Math.round(-Math.log(1 - random.nextDouble()) / rate * 1000));
        schedule(at, () -> arrive(queue, at));
    }

    private void arrive(Queue queue, long at) {
        scheduleArrival(queue, at);
        PriorityQueue<Job> backlog = waiting.get(queue.name());
        if (backlog.size() >= MAX_WAITING) {
            return;
        }
        long sequence = ++jobSequence;
        Job job = new Job("job-" + runId + "-" + sequence, queue, PRIORITIES[random.nextInt(PRIORITIES.length)],
                sequence);
        emit(job, at, "created", null, null, null, null, null);
        backlog.add(job);
        dispatch(at);
    }

    private void dispatch(long at) {
        boolean assigned = true;
        while (assigned) {
            assigned = false;
            for (WorkerState worker : workers.values()) {
                if (!worker.registered || worker.draining || worker.running.size() >= worker.spec.maxJobs()) {
                    continue;
                }
                Job next = null;
                for (String queue : worker.spec.queues()) {
                    Job head = waiting.get(queue).peek();
                    if (head != null && (next == null || DISPATCH_ORDER.compare(head, next) < 0)) {
                        next = head;
                    }
                }
                if (next != null) {
                    waiting.get(next.queue.name()).remove(next);
                    start(next, worker, at);
                    assigned = true;
                }
            }
        }
    }

    private void start(Job job, WorkerState worker, long at) {
        job.attempt++;
        job.worker = worker;
        job.startedAt = at;
        worker.running.add(job);
        emit(job, at, "status_change", "running", "pending", null, null, null);
        double seconds = job.queue.meanSeconds() * Math.exp(0.5 * random.nextGaussian() - 0.125);
        long end = at + Math.max(50, Math.round(seconds * 1000));
        schedule(end, () -> finish(job, end));
    }

    private void finish(Job job, long at) {
        WorkerState worker = job.worker;
        worker.running.remove(job);
        long duration = at - job.startedAt;
        if (random.nextDouble() < job.queue.failureRate()) {
            boolean retry = job.attempt < job.queue.maxAttempts();
            String error = job.queue.errors().get(random.nextInt(job.queue.errors().size()));
            emit(job, at, "failed", "failed", null, error, retry, duration);
            job.worker = null;
            if (retry) {
                emit(job, at, "status_change", "scheduled", "failed", null, null, null);
                long due = at + Math.round(1000 * Math.pow(2, job.attempt) * (0.8 + 0.4 * random.nextDouble()));
                schedule(due, () -> retry(job, due));
            } else {
                emit(job, at, "status_change", "deadletter", "failed", null, null, null);
            }
        } else {
            emit(job, at, "completed", "completed", null, null, null, duration);
        }
        job.worker = null;
        if (worker.draining && worker.running.isEmpty()) {
            deregister(worker, at);
        }
        dispatch(at);
    }

    private void retry(Job job, long at) {
        emit(job, at, "status_change", "pending", "scheduled", null, null, null);
        waiting.get(job.queue.name()).add(job);
        dispatch(at);
    }

    private void heartbeat(WorkerState worker, long at) {
        if (worker.registered) {
            emitWorker(worker, at, "heartbeat");
        }
        long next = at + settings.heartbeatInterval().toMillis();
        schedule(next, () -> heartbeat(worker, next));
    }

    private void leave(WorkerState worker, long at) {
        worker.draining = true;
        if (worker.running.isEmpty()) {
            deregister(worker, at);
        }
    }

    private void deregister(WorkerState worker, long at) {
        worker.registered = false;
        worker.draining = false;
        emitWorker(worker, at, "deregistered");
        long back = at + settings.workerAway().toMillis();
        schedule(back, () -> {
            register(worker, back);
            long leave = back + settings.workerLeaveAfter().toMillis();
            schedule(leave, () -> leave(worker, leave));
            dispatch(back);
        });
    }

    private void register(WorkerState worker, long at) {
        worker.registered = true;
        emitWorker(worker, at, "registered");
    }

    private void emit(Job job, long at, String event, String status, String previous, String error, Boolean willRetry,
            Long durationMs) {
        long stamp = Math.max(at, job.last + 1);
        job.last = stamp;
        String newStatus = "created".equals(event) ? "pending" : status;
        job.status = newStatus;
        boolean hasAttempt = job.attempt > 0;
        Map<String, Object> result = "completed".equals(event) ? result(job) : null;
        jobEvents.add(new JobEvent(event, job.id, job.queue.name(), newStatus, previous,
                hasAttempt ? job.attempt : null, job.queue.maxAttempts(), job.priority,
                job.worker == null ? null : job.worker.spec.id(), error, willRetry, durationMs, result,
                Instant.ofEpochMilli(stamp)));
    }

    private Map<String, Object> result(Job job) {
        Map<String, Object> result = new LinkedHashMap<>();
        switch (job.queue.name()) {
            case "emails" -> result.put("message_id", job.id + "@mail.streamgate.local");
            case "reports" -> result.put("rows", 1000 + random.nextInt(50_000));
            default -> {
                result.put("width", 320);
                result.put("height", 240);
            }
        }
        return result;
    }

    private void emitWorker(WorkerState worker, long at, String event) {
        long stamp = Math.max(at, worker.last + 1);
        worker.last = stamp;
        workerEvents.add(new WorkerEvent(event, worker.spec.id(), worker.spec.queues(), worker.spec.hostname(),
                worker.running.size(), worker.spec.maxJobs(), Instant.ofEpochMilli(stamp)));
    }

    private void schedule(long at, Runnable action) {
        timers.add(new Timer(at, ++timerSequence, action));
    }
}
