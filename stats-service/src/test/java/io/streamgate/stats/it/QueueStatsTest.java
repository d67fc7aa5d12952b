package io.streamgate.stats.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.streamgate.devstack.DevstackTestResource;
import io.streamgate.platform.event.EventTypes;
import io.streamgate.platform.jobs.JobEvent;
import io.streamgate.platform.jobs.WorkerEvent;
import io.streamgate.platform.topic.Topics;
import io.streamgate.stats.StatsFixture;

/** {@code jobs.events} and {@code workers.events} → {@code queue_stats}. */
@QuarkusTest
@WithTestResource(value = DevstackTestResource.class, scope = TestResourceScope.GLOBAL)
class QueueStatsTest {

    private static StatsFixture kafka;

    @BeforeAll
    static void open() {
        kafka = new StatsFixture();
    }

    @AfterAll
    static void close() {
        kafka.close();
    }

    @Test
    void queuesCountWaitingRunningDoneAndFailedJobsWithLatencyAndWorkers() {
        String tenant = StatsFixture.tenant("jobs");
        Instant t = Instant.now().minusSeconds(30);
        // j1: created, ran, completed 4 s after creation; j5: completed 10 s after creation.
        job(tenant, "created", "j1", "emails", "pending", null, t);
        job(tenant, "status_change", "j1", "emails", "running", "pending", t.plusSeconds(1));
        job(tenant, "completed", "j1", "emails", "completed", "running", t.plusSeconds(4));
        job(tenant, "created", "j5", "emails", "pending", null, t);
        job(tenant, "status_change", "j5", "emails", "running", "pending", t.plusSeconds(2));
        job(tenant, "completed", "j5", "emails", "completed", "running", t.plusSeconds(10));
        // j2 waits; j3 runs; j4 fails its last attempt and is dead-lettered.
        job(tenant, "created", "j2", "emails", "pending", null, t);
        job(tenant, "created", "j3", "emails", "pending", null, t);
        job(tenant, "status_change", "j3", "emails", "running", "pending", t.plusSeconds(1));
        job(tenant, "created", "j4", "emails", "pending", null, t);
        job(tenant, "status_change", "j4", "emails", "running", "pending", t.plusSeconds(1));
        job(tenant, "failed", "j4", "emails", "failed", "running", t.plusSeconds(2));
        job(tenant, "status_change", "j4", "emails", "deadletter", "failed", t.plusSeconds(2));
        job(tenant, "created", "r1", "reports", "pending", null, t);
        worker(tenant, "registered", "w1", List.of("emails", "reports"), 1);
        worker(tenant, "heartbeat", "w2", List.of("emails"), 0);
        worker(tenant, "registered", "w3", List.of("reports"), 0);
        worker(tenant, "deregistered", "w3", List.of("reports"), 0);

        // Jobs are keyed by id, so their events reach the service through different partitions in any order
        // between them, and the minute window is shared on the next tick: wait for the whole picture.
        JsonNode stats = StatsFixture.awaitFigures(tenant, "queue_stats", d -> d.get("queues").size() == 2
                && d.at("/queues/0/completed").asInt() == 2 && d.at("/queues/0/failed").asInt() == 1
                && d.at("/queues/0/pending").asInt() == 1 && d.at("/queues/0/running").asInt() == 1
                && d.at("/queues/0/throughput_per_minute").asInt() == 2 && d.at("/queues/1/pending").asInt() == 1
                && d.at("/workers/total").asInt() == 2);
        JsonNode emails = stats.at("/queues/0");
        assertEquals("emails", emails.get("queue").asText());
        assertEquals(1, emails.get("pending").asInt(), emails.toString());
        assertEquals(1, emails.get("running").asInt());
        assertEquals(2, emails.get("throughput_per_minute").asInt());
        assertEquals(4000, emails.at("/latency_ms/p50").asLong(), "nearest rank of {4 s, 10 s}");
        assertEquals(10000, emails.at("/latency_ms/p95").asLong());
        assertEquals(10000, emails.at("/latency_ms/p99").asLong());
        assertEquals(2, emails.at("/latency_ms/samples").asInt());
        assertEquals(2, emails.get("workers").asInt());
        JsonNode reports = stats.at("/queues/1");
        assertEquals("reports", reports.get("queue").asText());
        assertEquals(1, reports.get("pending").asInt());
        assertEquals(1, reports.get("workers").asInt(), "w3 deregistered");
        assertEquals(true, reports.at("/latency_ms/p50").isNull());
        assertEquals(1, stats.at("/workers/busy").asInt());
    }

    private static void job(String tenant, String event, String id, String queue, String status, String previous,
            Instant at) {
        kafka.send(Topics.JOBS_EVENTS, id, tenant, EventTypes.JOB_PREFIX + event, at, new JobEvent(event, id, queue,
                status, previous, 1, 3, 0, null, null, null, null, null, at));
    }

    private static void worker(String tenant, String event, String id, List<String> queues, int active) {
        Instant now = Instant.now();
        kafka.send(Topics.WORKERS_EVENTS, id, tenant, EventTypes.WORKER_PREFIX + event, now,
                new WorkerEvent(event, id, queues, "host-" + id, active, 4, now));
    }
}
