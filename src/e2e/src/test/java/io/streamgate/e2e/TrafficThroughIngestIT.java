package io.streamgate.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.streamgate.devstack.Deadline;
import io.streamgate.devstack.Service;
import io.streamgate.devstack.SharedData;
import io.streamgate.devstack.Stack;
import io.streamgate.devstack.traffic.AircraftSnapshot;
import io.streamgate.devstack.traffic.BulkReplay;
import io.streamgate.devstack.traffic.IngestClient;
import io.streamgate.devstack.traffic.SnapshotGrouper;
import io.streamgate.devstack.traffic.StateVectorRecording;
import io.streamgate.devstack.traffic.TrafficConfig;
import io.streamgate.devstack.traffic.TrafficSource;
import io.streamgate.platform.event.KafkaBinaryBinding;
import io.streamgate.platform.identity.Role;
import io.streamgate.platform.topic.Topics;

/**
 * The demo traffic through the real ingest service into the real broker: the Swiss recording replayed
 * whole, record for record, and the launcher's live feeds reaching every topic they feed. Each test
 * posts as its own tenant and counts only that tenant's records ({@code ce_tenant}).
 */
class TrafficThroughIngestIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    /** Rows per request of the bulk replay: about 170 kB, well under ingest's 10 MiB limit. */
    private static final int ROWS_PER_REQUEST = 1000;
    private static final int IN_FLIGHT = 4;

    private static Stack stack;

    @BeforeAll
    static void startStack() {
        stack = Stack.start(false);
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void replayingTheSwissRecordingThroughIngestProducesRecordsWhoseCountPerAircraftMatchesTheFile() throws Exception {
        StateVectorRecording swiss = StateVectorRecording.load(SharedData.file(StateVectorRecording.SWISS));
        Map<String, Integer> expected = swiss.positionsPerAircraft();
        long rowsWithoutPosition = swiss.rowsWithoutPosition();
        long expectedRecords = swiss.rows().size() - rowsWithoutPosition;
        // A window longer than the recording: requests are cut by size alone, not by time.
        List<AircraftSnapshot> snapshots = SnapshotGrouper.group(swiss.rows(), Duration.ofDays(1), ROWS_PER_REQUEST);

        BulkReplay.Result result;
        try (IngestClient client = new IngestClient(stack.url(Service.INGEST), token("replay"), WAIT, IN_FLIGHT)) {
            result = BulkReplay.run(client, snapshots, IN_FLIGHT);
        }
        System.out.printf("Swiss replay through ingest: %,d rows in %,d requests, %.1f s, %,.0f rows/s "
                + "(%,d accepted, %,d without position)%n", result.rows(), result.snapshots(),
                result.elapsed().toMillis() / 1000.0, result.rowsPerSecond(), result.accepted(),
                result.withoutPosition());

        assertEquals(0, result.failedPosts(), "every request got a 202; first failure: " + result.firstFailure());
        assertNull(result.firstFailure());
        assertEquals(swiss.rows().size(), result.rows());
        // Rows without a position are listed in the document but written as nothing; ingest counts them.
        assertEquals(rowsWithoutPosition, result.withoutPosition());
        assertEquals(expectedRecords, result.accepted());

        Map<String, Integer> written = recordsPerKey(Topics.AIRCRAFT_POSITIONS.name(), "replay", expectedRecords);
        assertEquals(expected.size(), written.size(), "one key per aircraft with a position");
        assertEquals(expected, written, "records per aircraft = rows with a position per aircraft in the file");
    }

    @Test
    void theLaunchersTrafficReachesEveryTopicItFeeds() {
        TrafficConfig config = TrafficConfig.of(Map.of("streamgate.traffic.speed", "100",
                "streamgate.traffic.jobs.arrival-scale", "5"));
        TrafficSource source = TrafficSource.start(stack.url(Service.INGEST), token("live"), config,
                TrafficSource.standardGenerators(config, "it", System.out::println), Clock.systemUTC(),
                System.out::println);
        try {
            Deadline.await("every generator delivered", WAIT, () -> source.stats().values().stream()
                    .allMatch(s -> s.postsDelivered() >= 2));
        } finally {
            source.close();
        }
        source.stats().forEach((name, stats) -> {
            assertEquals(0, stats.refusedPosts(), name + " posts are all valid: " + stats);
            assertEquals(0, stats.failedAttempts(), name + ": " + stats);
        });
        for (String topic : List.of(Topics.AIRCRAFT_POSITIONS.name(), Topics.SENSOR_READINGS.name(),
                Topics.DEVICE_LOCATIONS.name(), Topics.JOBS_EVENTS.name(), Topics.WORKERS_EVENTS.name())) {
            Map<String, Integer> keys = recordsPerKey(topic, "live", 1);
            assertTrue(!keys.isEmpty(), "records on " + topic);
        }
        assertTrue(Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().startsWith("streamgate-traffic") && t.isAlive()), "no traffic thread left");
    }

    private static String token(String tenant) {
        return stack.infrastructure().credentials().token(tenant, "traffic-" + tenant, Set.of(Role.USER),
                Duration.ofMinutes(30));
    }

    /**
     * Reads {@code topic} from the beginning, every partition, until at least {@code atLeast} records of
     * {@code tenant} arrived and one more poll brings none of them; returns their count per key.
     */
    private static Map<String, Integer> recordsPerKey(String topic, String tenant, long atLeast) {
        Map<String, Integer> perKey = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.infrastructure().kafka().bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, WAIT).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long[] count = {0};
            Deadline.await(atLeast + " record(s) of " + tenant + " on " + topic, WAIT, () -> {
                count[0] += poll(consumer, tenant, perKey, Duration.ofMillis(200));
                return count[0] >= atLeast;
            });
            // Anything beyond the expected count (a duplicate) would already be in the log: read to its end.
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Deadline.await("the end of " + topic, WAIT, () -> {
                poll(consumer, tenant, perKey, Duration.ofMillis(200));
                return partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p));
            });
        }
        return perKey;
    }

    private static int poll(KafkaConsumer<String, byte[]> consumer, String tenant, Map<String, Integer> perKey,
            Duration timeout) {
        int matched = 0;
        for (ConsumerRecord<String, byte[]> record : consumer.poll(timeout)) {
            if (tenant.equals(KafkaBinaryBinding.get(record.headers(), KafkaBinaryBinding.TENANT))) {
                perKey.merge(record.key(), 1, Integer::sum);
                matched++;
            }
        }
        return matched;
    }
}
