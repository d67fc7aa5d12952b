package io.streamgate.safety.aviation.pairs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.streamgate.devstack.Deadline;
import io.streamgate.devstack.Devstack;
import io.streamgate.devstack.testing.TopicProbe;
import io.streamgate.platform.event.EventEnvelope;
import io.streamgate.platform.event.EventTypes;
import io.streamgate.platform.event.KafkaBinaryBinding;
import io.streamgate.platform.json.Json;
import io.streamgate.safety.aviation.AviationSafetyConfig;
import io.streamgate.safety.aviation.Fix;
import io.streamgate.safety.aviation.SafetyConfigs;
import io.streamgate.safety.aviation.SafetyMetrics;

/**
 * Two replicas of pair detection, each a real Kafka Streams instance of the service's topology, on the devstack
 * broker, with topics of their own so no other test's traffic meets them. A pair whose aircraft's positions sit on
 * different partitions of the input topic is raised exactly once; the replica that owns its sector leaves, the other
 * takes the sector over and carries the same episodes on to their end.
 */
class PairsAcrossReplicasTest {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final int INPUT_PARTITIONS = 3;
    private static final Set<String> PAIR_TYPES = Set.of("TCAS_TA", "TCAS_RA", "proximity_conflict");

    private final String bootstrap = Devstack.sharedServiceConfig().get("kafka.bootstrap.servers");
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String positions = "test.pairs." + run + ".positions";
    private final String events = "test.pairs." + run + ".events";
    private final AviationSafetyConfig config = SafetyConfigs.with(Map.of(
            "pairs.auto-offset-reset", "earliest",
            "pairs.partitions", "4"));
    private final List<KafkaStreams> replicas = new ArrayList<>();
    private final List<Path> stateDirs = new ArrayList<>();
    private final ScheduledExecutorService feeder = Executors.newSingleThreadScheduledExecutor();
    private KafkaProducer<String, byte[]> producer;

    @BeforeEach
    void topics() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(positions, INPUT_PARTITIONS, (short) 1),
                    new NewTopic(events, 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }

    @AfterEach
    void stop() throws IOException {
        feeder.shutdownNow();
        replicas.forEach(r -> r.close(Duration.ofSeconds(10)));
        producer.close();
        for (Path dir : stateDirs) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void aPairAcrossPartitionsIsRaisedOnceAndContinuedByTheReplicaThatTakesItsSectorOver() throws Exception {
        KafkaStreams first = replica();
        KafkaStreams second = replica();
        Deadline.await("both replicas run, each with a share of the work", WAIT,
                () -> replicas.stream().allMatch(r -> r.state() == KafkaStreams.State.RUNNING
                        && r.metadataForLocalThreads().stream().anyMatch(t -> !t.activeTasks().isEmpty())));

        String[] hexes = onDifferentPartitions();
        Instant start = Instant.now();
        // Head-on at the same level, 6 nm apart at 600 kt of closure: in conflict at once, crossing after 36 s.
        Fix a = Fix.of(hexes[0]).flight("WEST1").at(45.5, 6.5).altitude(15000).track(90).speed(300.0).time(start);
        Fix b = Fix.of(hexes[1]).flight("EAST2").from(45.5, 6.5, 90, 6).altitude(15000).track(270).speed(300.0)
                .time(start);

        try (TopicProbe probe = new TopicProbe(bootstrap, events)) {
            // Live traffic: both aircraft report once a second, whatever happens to the replicas.
            AtomicInteger step = new AtomicInteger();
            feeder.scheduleAtFixedRate(() -> {
                int i = step.getAndIncrement();
                publish(a.after(i), b.after(i));
            }, 0, 1, TimeUnit.SECONDS);

            Map<String, Long> ids = new TreeMap<>();
            Deadline.await("the pair's advisories and conflict raised", WAIT, () -> {
                probe.drain(Duration.ofMillis(200)).stream().map(PairsAcrossReplicasTest::json)
                        .filter(e -> e.get("active").asBoolean())
                        .forEach(e -> ids.put(e.get("event_type").asText(), e.get("id").asLong()));
                return ids.keySet().equals(PAIR_TYPES);
            });

            KafkaStreams owner = owning(hexes[0]);
            assertTrue(owner != null, "one replica holds the pair's open episodes");
            KafkaStreams taker = owner == first ? second : first;
            owner.close(new KafkaStreams.CloseOptions().leaveGroup(true).timeout(Duration.ofSeconds(30)));
            Instant left = Instant.now();

            Deadline.await("the pair's episodes end", WAIT, () -> {
                probe.drain(Duration.ofMillis(200));
                return ended(probe).keySet().containsAll(ids.values());
            });
            feeder.shutdownNow();
            assertEquals(KafkaStreams.State.RUNNING, taker.state(), "the records after the leave are the taker's");

            List<JsonNode> all = probe.drain(Duration.ofMillis(500)).stream().map(PairsAcrossReplicasTest::json)
                    .toList();
            String story = all.stream().map(e -> e.get("event_type").asText() + " " + e.get("severity").asText() + " "
                    + (e.get("active").asBoolean() ? "open" : e.at("/details/end_reason").asText()) + " at "
                    + e.get("timestamp").asText()).collect(Collectors.joining("\n  ", "\n  ", ""));
            System.out.printf("pair across replicas: owner left at %s, taken over in %s; records:%s%n", left,
                    Duration.between(left, takenOver(all, left)), story);
            Map<String, List<String>> revisions = probe.drain(Duration.ZERO).stream().collect(Collectors.groupingBy(
                    r -> KafkaBinaryBinding.read(r.headers()).subject(), TreeMap::new,
                    Collectors.mapping(r -> KafkaBinaryBinding.read(r.headers()).id(), Collectors.toList())));
            for (Map.Entry<String, Long> raised : ids.entrySet()) {
                List<JsonNode> episode = all.stream().filter(e -> e.get("id").asLong() == raised.getValue()).toList();
                List<String> ceIds = revisions.get(Long.toString(raised.getValue()));
                for (int revision = 0; revision < ceIds.size(); revision++) {
                    assertEquals(raised.getValue() + "-" + revision, ceIds.get(revision),
                            raised.getKey() + ": every revision once, in order: " + ceIds);
                }
                JsonNode end = episode.get(episode.size() - 1);
                assertFalse(end.get("active").asBoolean());
                assertEquals("separated", end.at("/details/end_reason").asText(),
                        raised.getKey() + " ended by the replica that took it over, not abandoned:" + story);
            }
            long openings = all.stream().filter(e -> PAIR_TYPES.contains(e.get("event_type").asText()))
                    .map(e -> e.get("event_type").asText() + "/" + e.get("first_seen").asText()).distinct().count();
            assertEquals(3, openings, "one episode per type, never reopened: " + all);
        }
    }

    /** The first record after the owner left: the taker's, once it had the sector. */
    private static Instant takenOver(List<JsonNode> events, Instant left) {
        return events.stream().map(e -> Instant.parse(e.get("timestamp").asText())).filter(t -> t.isAfter(left))
                .min(Comparator.naturalOrder()).orElse(left);
    }

    private KafkaStreams replica() throws IOException {
        Path state = Files.createTempDirectory("pairs-replica");
        stateDirs.add(state);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "pairs-test-" + run);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        props.put(StreamsConfig.STATE_DIR_CONFIG, state.toString());
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 6_000);
        KafkaStreams streams = new KafkaStreams(
                PairTopology.build(config, new SafetyMetrics(new SimpleMeterRegistry()), positions, events), props);
        replicas.add(streams);
        streams.start();
        return streams;
    }

    /** The replica whose store holds the open episodes of the sector of {@code hex}, if one does. */
    private KafkaStreams owning(String hex) {
        for (KafkaStreams replica : replicas) {
            if (replica.state() != KafkaStreams.State.RUNNING) {
                continue;
            }
            ReadOnlyKeyValueStore<String, byte[]> store = replica.store(StoreQueryParameters
                    .fromNameAndType(PairDetection.STORE, QueryableStoreTypes.<String, byte[]>keyValueStore()));
            try (KeyValueIterator<String, byte[]> held = store.all()) {
                while (held.hasNext()) {
                    KeyValue<String, byte[]> entry = held.next();
                    if (entry.key.contains(hex)) {
                        return replica;
                    }
                }
            }
        }
        return null;
    }

    /** Two hexes whose records the default partitioner puts on different partitions of the input. */
    private String[] onDifferentPartitions() {
        String lower = "5b" + run.substring(0, 4);
        for (int n = 1; n < 100; n++) {
            String higher = Integer.toHexString(Integer.parseInt(lower, 16) + n);
            if (partition(lower) != partition(higher)) {
                return new String[] {lower, higher};
            }
        }
        throw new AssertionError("no two hexes on different partitions");
    }

    private static int partition(String key) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % INPUT_PARTITIONS;
    }

    private void publish(Fix... fixes) {
        for (Fix fix : fixes) {
            EventEnvelope envelope = EventEnvelope.of("/ingest/test", EventTypes.AIRCRAFT_POSITION, fix.time(),
                    fix.hexValue(), "default");
            RecordHeaders headers = new RecordHeaders();
            KafkaBinaryBinding.write(envelope, headers);
            producer.send(new ProducerRecord<>(positions, null, fix.hexValue(), Json.encode(fix.position()),
                    headers));
        }
        producer.flush();
    }

    private static Map<Long, JsonNode> ended(TopicProbe probe) {
        return probe.drain(Duration.ZERO).stream().map(PairsAcrossReplicasTest::json)
                .filter(e -> !e.get("active").asBoolean())
                .collect(Collectors.toMap(e -> e.get("id").asLong(), e -> e, (x, y) -> y));
    }

    private static JsonNode json(ConsumerRecord<String, byte[]> record) {
        try {
            return Json.mapper().readTree(record.value());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
