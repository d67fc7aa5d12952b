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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.fasterxml.jackson.databind.JsonNode;

import io.streamgate.devstack.Deadline;
import io.streamgate.devstack.Service;
import io.streamgate.devstack.ServiceProcess;
import io.streamgate.devstack.Stack;
import io.streamgate.platform.event.KafkaBinaryBinding;
import io.streamgate.platform.identity.Role;
import io.streamgate.platform.json.Json;
import io.streamgate.platform.topic.Topics;

/**
 * safety-service and stats-service SIGKILLed mid-stream and relaunched on their ports (issue #21) while a feed
 * posts a new aircraft squawking 7700 ten times a second, each of which opens exactly one {@code emergency_squawk}
 * episode on its first position. Afterwards: every aircraft ingest accepted has exactly one episode on
 * {@code safety.events} (none lost, none raised twice as a second episode); a raise written again from positions
 * replayed after the crash is the same event (same id, same {@code ce_id} {@code <id>-0}: the per-aircraft
 * detectors write at least once, docs/derivations.md); stats-service's {@code safety_stats} counts every episode
 * once and {@code daily_totals} every aircraft once.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class DerivationRestartIT {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String TENANT = "derivation_restart";
    private static final int FIRST_HEX = 0xfd0000;
    /** The broker's smallest session timeout, so a relaunched member gets its partitions back within seconds. */
    private static final String FAST_SESSIONS = "-Dkafka.session.timeout.ms=6000 -Dkafka.heartbeat.interval.ms=1000";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static Stack stack;

    @BeforeAll
    static void startStack() {
        System.setProperty(Service.SAFETY.jvmArgsProperty(), FAST_SESSIONS);
        System.setProperty(Service.STATS.jvmArgsProperty(), FAST_SESSIONS);
        stack = Stack.start(false, EnumSet.of(Service.INGEST, Service.SAFETY, Service.STATS));
    }

    @AfterAll
    static void stopStack() {
        System.clearProperty(Service.SAFETY.jvmArgsProperty());
        System.clearProperty(Service.STATS.jvmArgsProperty());
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void killedDerivationsLoseNoEmergencyRaiseNoneTwiceAndTheFiguresAreExact() {
        String token = stack.infrastructure().credentials().token(TENANT, "faults-derivation", Set.of(Role.USER),
                Duration.ofMinutes(30));
        String kafka = stack.infrastructure().kafka().bootstrapServers();
        long[] fault = new long[2];
        EmergencyFeed feed = new EmergencyFeed(() -> stack.url(Service.INGEST), token);
        try (feed) {
            feed.start(Duration.ofMillis(100));
            Deadline.await("emergencies raised before the fault", WAIT,
                    () -> feed.accepted().size() >= 30 && safetyStatsToday(token) >= 20);
            ServiceProcess safety = stack.process(Service.SAFETY);
            ServiceProcess stats = stack.process(Service.STATS);
            fault[0] = System.nanoTime();
            safety.kill();
            stats.kill();
            int acceptedAtKill = feed.accepted().size();
            stack.relaunch(safety);
            stack.relaunch(stats);
            fault[1] = System.nanoTime();
            Deadline.await("emergencies raised after the relaunch", WAIT,
                    () -> feed.accepted().size() >= acceptedAtKill + 50);
            feed.stop();
        }
        long killed = fault[0];
        long back = fault[1];
        List<String> accepted = feed.accepted().stream().map(FeedEvent::key).toList();
        Set<String> refused = new HashSet<>(feed.refused().stream().map(FeedEvent::key).toList());
        assertTrue(refused.isEmpty(), "ingest does not depend on the derivations: " + feed.outcomes());
        long whileDown = feed.attempts().stream().filter(a -> a.sentNanos() > killed && a.answeredNanos() < back
                && a.outcome().accepted()).count();
        assertTrue(whileDown > 0, "aircraft accepted while the derivations were down, for them to catch up on");

        // Every accepted aircraft: its episode raised, one episode id, every raise record of it the same event.
        Map<String, Set<Long>> episodes = new TreeMap<>();
        Map<Long, Set<String>> raiseIds = new HashMap<>();
        Map<Long, Integer> raises = new HashMap<>();
        Deadline.await("every accepted aircraft's emergency on " + Topics.SAFETY_EVENTS.name(), WAIT, () -> {
            episodes.clear();
            raiseIds.clear();
            raises.clear();
            for (ConsumerRecord<String, byte[]> record : TopicCount.records(kafka, Topics.SAFETY_EVENTS.name(),
                    TENANT, WAIT)) {
                JsonNode event = json(record.value());
                String ceId = KafkaBinaryBinding.get(record.headers(), KafkaBinaryBinding.ID);
                long id = event.get("id").asLong();
                if ("emergency_squawk".equals(event.path("event_type").asText()) && ceId.endsWith("-0")) {
                    episodes.computeIfAbsent(event.get("icao_hex").asText(), h -> new HashSet<>()).add(id);
                    raiseIds.computeIfAbsent(id, i -> new HashSet<>()).add(ceId);
                    raises.merge(id, 1, Integer::sum);
                }
            }
            return accepted.stream().allMatch(episodes::containsKey);
        });
        for (Map.Entry<String, Set<Long>> e : episodes.entrySet()) {
            assertEquals(1, e.getValue().size(), "aircraft " + e.getKey() + " raised as one episode: " + e.getValue());
        }
        Set<String> fed = new HashSet<>(accepted);
        List<String> fromNowhere = episodes.keySet().stream().filter(h -> !fed.contains(h)).toList();
        assertEquals(List.of(), fromNowhere, "episodes only for aircraft the feed posted");
        raiseIds.forEach((id, ceIds) -> assertEquals(Set.of(id + "-0"), ceIds, "episode " + id + "'s raise"));
        int redelivered = raises.values().stream().mapToInt(n -> n - 1).sum();

        // The figures: every episode once (a hash field per episode id), every aircraft once.
        int episodeCount = episodes.size();
        long[] figure = {-1};
        try {
            Deadline.await("safety_stats today " + episodeCount, WAIT,
                    () -> (figure[0] = safetyStatsToday(token)) == episodeCount);
        } catch (IllegalStateException late) {
            throw new AssertionError("safety_stats today.by_type.emergency_squawk " + figure[0] + ", expected "
                    + episodeCount, late);
        }
        try {
            Deadline.await("daily_totals today " + accepted.size() + " aircraft", WAIT,
                    () -> (figure[0] = dailyTotalsAircraft(token)) == accepted.size());
        } catch (IllegalStateException late) {
            throw new AssertionError("daily_totals today.aircraft " + figure[0] + ", expected " + accepted.size(),
                    late);
        }
        System.out.printf(Locale.ROOT, "safety-service and stats-service SIGKILLed and relaunched in %.1f s; "
                + "%d emergency aircraft accepted (%s), %d of them while the derivations were down; %d episodes on %s, each raised once (%d raise records "
                + "written again after the crash, same ce_id); safety_stats today %d, daily_totals aircraft %d%n",
                (back - killed) / 1e9, accepted.size(), feed.outcomes(), whileDown, episodeCount, Topics.SAFETY_EVENTS.name(),
                redelivered, episodeCount, accepted.size());
    }

    /** {@code safety_stats}' {@code today.by_type.emergency_squawk}; -1 before stats has a figure or while down. */
    private long safetyStatsToday(String token) {
        JsonNode data = figure("safety_stats", token);
        return data == null ? -1 : data.path("today").path("by_type").path("emergency_squawk").asLong(-1);
    }

    private long dailyTotalsAircraft(String token) {
        JsonNode data = figure("daily_totals", token);
        return data == null ? -1 : data.path("days").path(0).path("aircraft").asLong(-1);
    }

    private JsonNode figure(String statType, String token) {
        try {
            HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(stack.url(Service.STATS)
                    .resolve("/v1/stats/" + statType)).timeout(Duration.ofSeconds(5))
                    .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            return response.statusCode() == 200 ? json(response.body()).path("data") : null;
        } catch (IOException notAnswering) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(byte[] body) {
        try {
            return Json.mapper().readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Event n: aircraft {@code FIRST_HEX + n}'s first position, squawking 7700 — a new emergency each time. */
    private static final class EmergencyFeed extends LiveFeed {

        private final Supplier<URI> ingest;
        private final String token;

        EmergencyFeed(Supplier<URI> ingest, String token) {
            super("emergencies");
            this.ingest = ingest;
            this.token = token;
        }

        @Override
        protected Outcome publish(FeedEvent event) throws Exception {
            String body = String.format(Locale.ROOT, "{\"now\":%d.0,\"aircraft\":[{\"hex\":\"%s\",\"flight\":"
                    + "\"EMG%04d \",\"squawk\":\"7700\",\"lat\":47.3,\"lon\":8.4,\"alt_baro\":15000,\"gs\":300,"
                    + "\"seen_pos\":0.1,\"seen\":0.1}]}", System.currentTimeMillis() / 1000, event.key(),
                    event.n() % 10000);
            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(ingest.get().resolve("/v1/aircraft"))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(), HttpResponse.BodyHandlers.discarding());
            return Outcome.http(response.statusCode());
        }

        @Override
        protected String keyOf(long n) {
            return String.format(Locale.ROOT, "%06x", FIRST_HEX + n);
        }
    }
}
