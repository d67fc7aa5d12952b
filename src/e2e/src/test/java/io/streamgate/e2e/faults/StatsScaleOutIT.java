package io.streamgate.e2e.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.streamgate.devstack.Deadline;
import io.streamgate.devstack.Devstack;
import io.streamgate.devstack.Service;
import io.streamgate.devstack.ServiceProcess;
import io.streamgate.devstack.Stack;
import io.streamgate.platform.identity.Role;
import io.streamgate.platform.topic.Topics;

/**
 * Two stats instances in one consumer group (issue #17 item 5): both get a share of {@code aircraft.positions},
 * and the {@code daily_totals} figure either answers is exactly what ingest accepted — distinct aircraft and
 * positions — so neither replica's share is lost nor counted twice. Then one instance is SIGKILLed mid-traffic:
 * the survivor takes the partitions over and the distinct-aircraft figure stays exact; the positions counter
 * may count the killed instance's uncommitted last poll twice (docs/derivations.md, "Restarts"), never less
 * than what was accepted.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class StatsScaleOutIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String TENANT = "stats_two";
    private static final String GROUP = "stats-service";
    private static final String POSITIONS = Topics.AIRCRAFT_POSITIONS.name();
    /** Three feeds of 20 aircraft each, so 60 distinct aircraft today. */
    private static final int HEX_A = 0xfc0000;
    private static final int HEX_B = 0xfc1000;
    private static final int HEX_C = 0xfc2000;
    private static final int POSTS = 40;
    /** A crash replays at most one poll of the killed consumer ({@code streamgate.stats.consumer.max-poll-records}). */
    private static final int ONE_POLL = 500;
    /**
     * The broker's smallest session timeout, so the survivor takes over within seconds rather than Kafka's 45 s
     * default; every {@code kafka.*} property reaches the services' clients.
     */
    private static final String FAST_SESSIONS = "-Dkafka.session.timeout.ms=6000 -Dkafka.heartbeat.interval.ms=1000";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Stack stack;
    private static ServiceProcess second;
    private static Admin admin;

    @BeforeAll
    static void startTwoStats() {
        System.setProperty(Service.STATS.jvmArgsProperty(), FAST_SESSIONS);
        stack = Stack.start(false, EnumSet.of(Service.INGEST, Service.STATS));
        second = stack.startReplica(Service.STATS);
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                stack.infrastructure().kafka().bootstrapServers()));
    }

    @AfterAll
    static void stopStack() {
        System.clearProperty(Service.STATS.jvmArgsProperty());
        if (admin != null) {
            admin.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void bothInstancesShareThePositionsAndTheFigureStaysExactWhenOneIsKilled() {
        String token = stack.infrastructure().credentials().token(TENANT, "faults-stats", Set.of(Role.USER),
                Duration.ofMinutes(30));
        ServiceProcess first = stack.process(Service.STATS);
        Deadline.await("two members, each owning a share of the partitions", WAIT, () -> {
            List<MemberDescription> members = members();
            return members.size() == 2 && members.stream().allMatch(m -> !m.assignment().topicPartitions().isEmpty())
                    && positionsOwned(members) == Devstack.PARTITIONS;
        });
        List<MemberDescription> shares = members();
        System.out.printf(Locale.ROOT, "Two stats members: %s%n", shares.stream().map(m -> m.assignment()
                .topicPartitions().size() + " partitions (" + m.assignment().topicPartitions().stream()
                .filter(p -> p.topic().equals(POSITIONS)).count() + " of " + POSITIONS + ")").toList());

        int acceptedBefore;
        double oneShare;
        double twoShare;
        try (AircraftFeed a = new AircraftFeed("stats-a", () -> stack.url(Service.INGEST), token, HEX_A);
                AircraftFeed b = new AircraftFeed("stats-b", () -> stack.url(Service.INGEST), token, HEX_B)) {
            double[] startCounts = {consumed(first), consumed(second)};
            long start = System.nanoTime();
            a.start(Duration.ofMillis(5));
            b.start(Duration.ofMillis(5));
            Deadline.await(POSTS + " posts per feed", WAIT,
                    () -> a.accepted().size() >= POSTS && b.accepted().size() >= POSTS);
            a.stop();
            b.stop();
            assertTrue(a.refused().isEmpty() && b.refused().isEmpty(), a.outcomes() + " / " + b.outcomes());
            acceptedBefore = a.accepted().size() + b.accepted().size();
            awaitConsumed();
            double seconds = (System.nanoTime() - start) / 1e9;
            double one = consumed(first) - startCounts[0];
            double two = consumed(second) - startCounts[1];
            oneShare = one;
            twoShare = two;
            System.out.printf(Locale.ROOT, "Two stats instances: %,.0f + %,.0f positions consumed in %.1f s "
                    + "(%,.0f + %,.0f records/s)%n", one, two, seconds, one / seconds, two / seconds);
            assertEquals(one + two, acceptedBefore * AircraftFeed.AIRCRAFT, 0.0,
                    "each accepted position consumed by exactly one instance");
        }
        // Either instance answers from Redis, so both show the same whole figure.
        awaitFigure(first, 40, acceptedBefore * AircraftFeed.AIRCRAFT, 0);
        awaitFigure(second, 40, acceptedBefore * AircraftFeed.AIRCRAFT, 0);

        int acceptedAfter;
        ServiceProcess survivor;
        try (AircraftFeed a = new AircraftFeed("stats-a2", () -> stack.url(Service.INGEST), token, HEX_A);
                AircraftFeed c = new AircraftFeed("stats-c", () -> stack.url(Service.INGEST), token, HEX_C)) {
            a.start(Duration.ofMillis(5));
            c.start(Duration.ofMillis(5));
            Deadline.await("posts before the kill", WAIT,
                    () -> a.accepted().size() >= POSTS / 2 && c.accepted().size() >= POSTS / 2);
            // The one that consumed more positions dies, so the survivor must take positions partitions over.
            ServiceProcess victim = oneShare >= twoShare ? first : second;
            survivor = victim == first ? second : first;
            victim.kill();
            long killed = System.nanoTime();
            Deadline.await("the survivor owns every partition", WAIT, () -> {
                List<MemberDescription> members = members();
                return members.size() == 1 && positionsOwned(members) == Devstack.PARTITIONS;
            });
            double takeover = (System.nanoTime() - killed) / 1e9;
            int target = a.accepted().size() + POSTS / 2;
            Deadline.await("posts after the takeover", WAIT,
                    () -> a.accepted().size() >= target && c.accepted().size() >= POSTS / 2);
            a.stop();
            c.stop();
            assertTrue(a.refused().isEmpty() && c.refused().isEmpty(), a.outcomes() + " / " + c.outcomes());
            acceptedAfter = a.accepted().size() + c.accepted().size();
            awaitConsumed();
            System.out.printf(Locale.ROOT, "Stats instance SIGKILLed mid-traffic: the survivor owned all %d "
                    + "%s partitions %.1f s later (session timeout 6 s)%n", Devstack.PARTITIONS, POSITIONS, takeover);
        }
        awaitFigure(survivor, 60, (acceptedBefore + acceptedAfter) * AircraftFeed.AIRCRAFT, ONE_POLL);
    }

    /**
     * Waits for {@code daily_totals} today to show exactly {@code aircraft} and between {@code positions} and
     * {@code positions + replay} positions. Called once the group committed every record, so every Redis write is
     * in: the figure can only settle on the final counts, and a double count never matches.
     */
    private void awaitFigure(ServiceProcess stats, int aircraft, int positions, int replay) {
        String token = stack.infrastructure().credentials().token(TENANT, "faults-stats", Set.of(Role.USER),
                Duration.ofMinutes(5));
        long[] last = {-1, -1};
        try {
            Deadline.await("daily_totals " + aircraft + " aircraft, " + positions + " positions", WAIT, () -> {
                JsonNode today = dailyTotalsToday(stats.url(), token);
                if (today == null) {
                    return false;
                }
                last[0] = today.path("aircraft").asLong();
                last[1] = today.path("positions").asLong();
                return last[0] == aircraft && last[1] >= positions && last[1] <= positions + replay;
            });
        } catch (IllegalStateException late) {
            throw new AssertionError("daily_totals today: " + last[0] + " aircraft, " + last[1]
                    + " positions; expected " + aircraft + " aircraft, " + positions + (replay == 0 ? "" : "…"
                    + (positions + replay)) + " positions", late);
        }
        System.out.printf(Locale.ROOT, "  daily_totals today from :%d: %d aircraft, %,d positions (accepted %,d)%n",
                stats.port(), last[0], last[1], positions);
    }

    private static JsonNode dailyTotalsToday(URI stats, String token) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(stats.resolve("/v1/stats/daily_totals"))
                    .timeout(Duration.ofSeconds(5)).header("Authorization", "Bearer " + token).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 404) {
                return null;
            }
            assertEquals(200, response.statusCode(), response.body());
            return JSON.readTree(response.body()).path("data").path("days").path(0);
        } catch (IOException notYet) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the group has committed {@code aircraft.positions} to its end: every Redis write is done. */
    private static void awaitConsumed() {
        Deadline.await("stats committed " + POSITIONS + " to its end", WAIT, () -> {
            List<TopicPartition> partitions = Stream.iterate(0, p -> p + 1).limit(Devstack.PARTITIONS)
                    .map(p -> new TopicPartition(POSITIONS, p)).toList();
            Map<TopicPartition, OffsetAndMetadata> committed = get(
                    admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata());
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end = get(admin.listOffsets(partitions
                    .stream().collect(Collectors.toMap(Function.identity(), p -> OffsetSpec.latest()))).all());
            return partitions.stream().allMatch(p -> committed.get(p) != null
                    && committed.get(p).offset() >= end.get(p).offset());
        });
    }

    private static List<MemberDescription> members() {
        ConsumerGroupDescription group = get(admin.describeConsumerGroups(List.of(GROUP)).all()).get(GROUP);
        return List.copyOf(group.members());
    }

    private static long positionsOwned(List<MemberDescription> members) {
        return members.stream().flatMap(m -> m.assignment().topicPartitions().stream())
                .filter(p -> p.topic().equals(POSITIONS)).count();
    }

    /** {@code streamgate_stats_records_total{topic="aircraft.positions"}} of one instance. */
    private static double consumed(ServiceProcess instance) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(instance.url().resolve("/q/metrics"))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), "/q/metrics of " + instance.url());
            double sum = 0;
            for (String line : response.body().split("\n")) {
                if (line.startsWith("streamgate_stats_records_total{") && line.contains("topic=\"" + POSITIONS + "\"")) {
                    sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                }
            }
            return sum;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + instance.url() + "/q/metrics", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static <T> T get(org.apache.kafka.common.KafkaFuture<T> future) {
        try {
            return future.get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }
}
