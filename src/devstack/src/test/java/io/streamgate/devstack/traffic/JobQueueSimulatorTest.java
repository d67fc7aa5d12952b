package io.streamgate.devstack.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.streamgate.platform.jobs.JobEvent;
import io.streamgate.platform.jobs.WorkerEvent;

/** One simulated hour, ticked every second as the traffic source does. */
class JobQueueSimulatorTest {

    private static final Instant START = Instant.parse("2026-11-23T12:00:00Z");
    private static final List<JobEvent> jobs = new ArrayList<>();
    private static final List<WorkerEvent> workers = new ArrayList<>();

    @BeforeAll
    static void simulateAnHour() {
        JobQueueSimulator simulator = new JobQueueSimulator(JobQueueSimulator.Settings.DEFAULTS, 42, "t");
        for (int s = 0; s <= 3600; s++) {
            JobQueueSimulator.Emitted emitted = simulator.advance(START.plusSeconds(s));
            jobs.addAll(emitted.jobs());
            workers.addAll(emitted.workers());
        }
    }

    private static Map<String, List<JobEvent>> byJob() {
        Map<String, List<JobEvent>> byJob = new LinkedHashMap<>();
        jobs.forEach(e -> byJob.computeIfAbsent(e.jobId(), k -> new ArrayList<>()).add(e));
        return byJob;
    }

    @Test
    void everyJobsEventsFollowItsLifecycleInOrder() {
        Map<String, List<JobEvent>> byJob = byJob();
        assertTrue(byJob.size() > 4000, byJob.size() + " jobs in an hour");
        for (List<JobEvent> events : byJob.values()) {
            JobEvent created = events.get(0);
            assertEquals("created", created.event());
            assertEquals("pending", created.status());
            String status = "pending";
            int attempt = 0;
            Instant previous = Instant.MIN;
            for (JobEvent e : events.subList(1, events.size())) {
                assertTrue(e.timestamp().isAfter(previous) || e == events.get(0), "strictly later: " + e);
                assertTrue(e.timestamp().isAfter(created.timestamp()));
                previous = e.timestamp();
                switch (e.event()) {
                    case "status_change" -> {
                        assertEquals(status, e.previousStatus(), "previous status of " + e);
                        assertTrue(allowed(status, e.status()), status + " -> " + e.status());
                        if ("running".equals(e.status())) {
                            assertEquals(attempt + 1, e.attempt(), "a new attempt starts");
                            assertNotNull(e.workerId());
                            attempt = e.attempt();
                        }
                    }
                    case "completed" -> {
                        assertEquals("running", status);
                        assertEquals(attempt, e.attempt());
                        assertNotNull(e.durationMs());
                        assertNotNull(e.result());
                    }
                    case "failed" -> {
                        assertEquals("running", status);
                        assertEquals(attempt, e.attempt());
                        assertNotNull(e.error());
                        assertEquals(attempt < e.maxAttempts(), e.willRetry());
                    }
                    default -> throw new AssertionError("unexpected " + e);
                }
                status = e.status();
                assertTrue(attempt <= e.maxAttempts());
            }
        }
    }

    private static boolean allowed(String from, String to) {
        return switch (from) {
            case "pending" -> to.equals("running");
            case "failed" -> to.equals("scheduled") || to.equals("deadletter");
            case "scheduled" -> to.equals("pending");
            default -> false;
        };
    }

    @Test
    void someJobsFailAndSucceedOnRetryAndSomeAreDeadLettered() {
        long retriedThenCompleted = byJob().values().stream()
                .filter(events -> events.stream().anyMatch(e -> "failed".equals(e.event())))
                .filter(events -> "completed".equals(events.get(events.size() - 1).event())).count();
        long deadLettered = jobs.stream().filter(e -> "deadletter".equals(e.status())).count();
        long finished = byJob().values().stream().map(l -> l.get(l.size() - 1).status())
                .filter(s -> Set.of("completed", "deadletter").contains(s)).count();
        assertTrue(retriedThenCompleted > 50, retriedThenCompleted + " jobs completed on a retry");
        assertTrue(deadLettered > 0, "attempts run out for some jobs");
        assertTrue(finished > byJob().size() * 0.95, "nearly every job finishes within the hour");
    }

    @Test
    void workersRegisterHeartbeatAndOneLeavesAndReturns() {
        Map<String, List<WorkerEvent>> byWorker = new LinkedHashMap<>();
        workers.forEach(e -> byWorker.computeIfAbsent(e.workerId(), k -> new ArrayList<>()).add(e));
        assertEquals(JobQueueSimulator.WORKERS.size(), byWorker.size());
        byWorker.forEach((id, events) -> {
            assertEquals("registered", events.get(0).event(), id + " registers first");
            assertTrue(events.stream().filter(e -> "heartbeat".equals(e.event())).count() > 150, id + " heartbeats");
            boolean registered = false;
            for (WorkerEvent e : events) {
                switch (e.event()) {
                    case "registered" -> {
                        assertFalse(registered);
                        registered = true;
                    }
                    case "deregistered" -> {
                        assertTrue(registered);
                        assertEquals(0, e.activeJobs(), "a worker drains before it leaves");
                        registered = false;
                    }
                    default -> assertTrue(registered, "no heartbeat while away: " + e);
                }
                assertTrue(e.activeJobs() <= e.maxJobs());
            }
        });
        long leaves = workers.stream().filter(e -> "deregistered".equals(e.event())).count();
        assertTrue(leaves >= 2, "the leaving worker deregisters in every 5-minute cycle");
        assertTrue(workers.stream().filter(e -> "deregistered".equals(e.event()))
                .allMatch(e -> e.workerId().equals(JobQueueSimulator.LEAVING_WORKER)));
    }

    @Test
    void noJobRunsOnAWorkerThatIsAway() {
        Map<String, Boolean> present = new LinkedHashMap<>();
        List<Object> timeline = new ArrayList<>();
        timeline.addAll(jobs);
        timeline.addAll(workers);
        // At the same millisecond a worker's (re)registration comes before the job it takes.
        timeline.sort(Comparator.comparing(JobQueueSimulatorTest::time)
                .thenComparing(o -> o instanceof WorkerEvent ? 0 : 1));
        for (Object o : timeline) {
            if (o instanceof WorkerEvent w) {
                present.put(w.workerId(), !"deregistered".equals(w.event()));
            } else if (o instanceof JobEvent j && "running".equals(j.status())) {
                assertTrue(present.getOrDefault(j.workerId(), false), "job started on a present worker: " + j);
            }
        }
    }

    private static Instant time(Object event) {
        return event instanceof JobEvent j ? j.timestamp() : ((WorkerEvent) event).timestamp();
    }

    @Test
    void theSameSeedGivesTheSameEvents() {
        JobQueueSimulator a = new JobQueueSimulator(JobQueueSimulator.Settings.DEFAULTS, 9, "t");
        JobQueueSimulator b = new JobQueueSimulator(JobQueueSimulator.Settings.DEFAULTS, 9, "t");
        for (int s = 0; s < 120; s++) {
            assertEquals(a.advance(START.plusSeconds(s)), b.advance(START.plusSeconds(s)));
        }
    }
}
