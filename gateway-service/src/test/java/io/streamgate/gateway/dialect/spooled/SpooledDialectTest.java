package io.streamgate.gateway.dialect.spooled;

import static io.streamgate.gateway.testing.JsonMessages.json;
import static io.streamgate.gateway.testing.JsonMessages.fields;
import static io.streamgate.gateway.testing.JsonMessages.names;
import static io.streamgate.gateway.dialect.spooled.SpooledTraffic.completed;
import static io.streamgate.gateway.dialect.spooled.SpooledTraffic.created;
import static io.streamgate.gateway.dialect.spooled.SpooledTraffic.failed;
import static io.streamgate.gateway.dialect.spooled.SpooledTraffic.status;
import static io.streamgate.gateway.dialect.spooled.SpooledTraffic.worker;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.streamgate.devstack.DevCredentials;
import io.streamgate.devstack.DevstackTestResource;
import io.streamgate.devstack.testing.SseProbe;
import io.streamgate.devstack.testing.UpgradeRequest;
import io.streamgate.devstack.testing.WebSocketProbe;
import io.streamgate.platform.identity.ApiKeyRecord;
import io.streamgate.platform.identity.ApiKeys;
import io.streamgate.platform.identity.RedisApiKeyStore;
import io.streamgate.platform.identity.Role;
import io.vertx.redis.client.Redis;

/**
 * Spooled's realtime API as its SDKs and its guide use it: every event shape field for field, commands in
 * both casings and both spellings, query and command filters that really narrow and widen, the handshake's
 * 401 / 429 / 400, a revoked key closing an open connection, the API-key login, per-job order under
 * concurrent jobs, exact SSE resume, and the job stream's end.
 */
@QuarkusTest
@TestProfile(SpooledDialectTest.ShortWindows.class)
@WithTestResource(value = DevstackTestResource.class, scope = TestResourceScope.GLOBAL)
class SpooledDialectTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    static final int TENANT_LIMIT = 3;

    public static class ShortWindows implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("streamgate.spooled.ping-interval", "1s",
                    "streamgate.spooled.max-connections-per-tenant", String.valueOf(TENANT_LIMIT),
                    "streamgate.auth.api-key-recheck-interval", "300ms",
                    "streamgate.gateway.stats.min-interval", "200ms",
                    "streamgate.gateway.system-health.interval", "1s");
        }
    }

    @TestHTTPResource("/")
    URI root;

    @Inject
    Redis redis;

    private static SpooledTraffic traffic;

    @BeforeAll
    static void traffic() {
        traffic = new SpooledTraffic();
    }

    @AfterAll
    static void closeTraffic() {
        traffic.close();
    }

    // --- WebSocket: shapes -------------------------------------------------------------------------------

    @Test
    void everyEventArrivesInSpooledsShapeFieldForField() {
        String tenant = tenant();
        try (WebSocketProbe client = connect(tenant, "")) {
            Map<String, JsonNode> opening = new LinkedHashMap<>();
            while (opening.size() < 2) {
                JsonNode frame = json(client.next(WAIT));
                opening.putIfAbsent(frame.get("type").asText(), frame);
            }
            JsonNode ping = opening.get("Ping");
            assertEquals(Set.of("timestamp"), fields(ping.get("data")), "a Ping on open");
            Instant.parse(ping.get("data").get("timestamp").asText());
            JsonNode health = opening.get("SystemHealth");
            assertEquals(Set.of("database", "redis", "timestamp"), fields(health.get("data")));
            assertTrue(health.get("data").get("database").asBoolean(), "Kafka is up");
            assertTrue(health.get("data").get("redis").asBoolean(), "Redis is up");

            String job = "job-" + UUID.randomUUID();
            traffic.job(tenant, created(job, "emails", 5));
            traffic.job(tenant, status(job, "emails", "pending", "running"));
            traffic.job(tenant, failed(job, "emails", 1, true, "SMTP timeout"));
            traffic.job(tenant, completed(job, "emails", 1234));

            JsonNode created = message(client, "JobCreated");
            assertEquals(List.of("job_id", "queue_name", "priority", "timestamp"), names(created));
            assertEquals(job, created.get("job_id").asText());
            assertEquals("emails", created.get("queue_name").asText());
            assertEquals(5, created.get("priority").asInt());
            JsonNode changed = message(client, "JobStatusChange");
            assertEquals(List.of("job_id", "queue_name", "old_status", "new_status", "timestamp"), names(changed));
            assertEquals("pending", changed.get("old_status").asText());
            assertEquals("running", changed.get("new_status").asText());
            JsonNode failed = message(client, "JobFailed");
            assertEquals(List.of("job_id", "queue_name", "error", "retry_count", "timestamp"), names(failed));
            assertEquals("SMTP timeout", failed.get("error").asText());
            assertEquals(1, failed.get("retry_count").asInt());
            JsonNode completed = message(client, "JobCompleted");
            assertEquals(List.of("job_id", "queue_name", "duration_ms", "timestamp", "result"), names(completed));
            assertEquals(1234, completed.get("duration_ms").asLong());
            assertTrue(completed.get("result").get("sent").asBoolean());

            traffic.worker(tenant, worker("registered", "w-7", List.of("emails", "reports")));
            traffic.worker(tenant, worker("heartbeat", "w-7", List.of("emails", "reports")));
            traffic.worker(tenant, worker("deregistered", "w-7", List.of("emails", "reports")));
            JsonNode registered = message(client, "WorkerRegistered");
            assertEquals(List.of("worker_id", "queue_name", "timestamp"), names(registered));
            assertEquals("emails", registered.get("queue_name").asText());
            JsonNode heartbeat = message(client, "WorkerHeartbeat");
            assertEquals(List.of("worker_id", "status", "current_job_id", "timestamp"), names(heartbeat));
            assertEquals("healthy", heartbeat.get("status").asText());
            assertTrue(heartbeat.get("current_job_id").isNull());
            JsonNode deregistered = message(client, "WorkerDeregistered");
            assertEquals(List.of("worker_id", "timestamp"), names(deregistered));
            assertEquals("w-7", deregistered.get("worker_id").asText());
        }
    }

    @Test
    void queueStatsCarryTheRealCountsAndOnlyTheQueuesThatChanged() {
        String tenant = tenant();
        try (WebSocketProbe client = connect(tenant, "")) {
            client.nextMatching(f -> f.contains("\"Ping\""), WAIT);
            Map<String, long[]> counts = new LinkedHashMap<>();
            counts.put("alpha", new long[] { 4, 2, 10, 1 });
            counts.put("beta", new long[] { 0, 1, 3, 0 });
            traffic.queueStats(tenant, counts);
            JsonNode alpha = message(client, "QueueStats");
            assertEquals(List.of("queue_name", "pending", "processing", "completed", "failed", "timestamp"),
                    names(alpha));
            assertEquals("alpha", alpha.get("queue_name").asText());
            assertEquals(List.of(4L, 2L, 10L, 1L), List.of(alpha.get("pending").asLong(),
                    alpha.get("processing").asLong(), alpha.get("completed").asLong(), alpha.get("failed").asLong()));
            assertEquals("beta", message(client, "QueueStats").get("queue_name").asText());

            counts.put("beta", new long[] { 0, 0, 4, 0 });
            traffic.queueStats(tenant, counts);
            JsonNode beta = message(client, "QueueStats");
            assertEquals("beta", beta.get("queue_name").asText(), "alpha did not change, so it is not sent again");
            assertEquals(4, beta.get("completed").asLong());
            assertEquals(0, beta.get("processing").asLong());
        }
    }

    // --- WebSocket: commands and filters -----------------------------------------------------------------

    @Test
    void commandsNarrowAndWidenTheStreamInEitherCasing() {
        String tenant = tenant();
        try (WebSocketProbe client = connect(tenant, "")) {
            client.nextMatching(f -> f.contains("\"Ping\""), WAIT);
            client.send("{\"cmd\":\"Subscribe\",\"queue\":\"emails\",\"job_id\":null}");
            ping(client, "{\"cmd\":\"Ping\"}");
            traffic.job(tenant, created("r-1", "reports", 0));
            traffic.job(tenant, created("e-1", "emails", 0));
            assertEquals("e-1", message(client, "JobCreated").get("job_id").asText(), "reports are filtered out");

            client.send("{\"cmd\":\"unsubscribe\"}");
            ping(client, "{\"cmd\":\"ping\"}");
            traffic.job(tenant, created("r-2", "reports", 0));
            assertEquals("r-2", message(client, "JobCreated").get("job_id").asText(), "widened again");

            client.send("{\"cmd\":\"SUBSCRIBE\",\"job_id\":\"e-9\"}");
            ping(client, "{\"cmd\":\"PING\"}");
            traffic.job(tenant, created("e-8", "emails", 0));
            traffic.job(tenant, created("e-9", "emails", 0));
            assertEquals("e-9", message(client, "JobCreated").get("job_id").asText(), "one job only");
        }
    }

    @Test
    void theNodeSdkSpellingIsAnsweredWithItsRequestId() {
        String tenant = tenant();
        try (WebSocketProbe client = connect(tenant, "")) {
            client.send("{\"type\":\"subscribe\",\"filter\":{\"queue\":\"emails\"},\"requestId\":\"req_1\"}");
            JsonNode subscribed = json(client.nextMatching(f -> f.contains("req_1"), WAIT));
            assertEquals("subscribed", subscribed.get("type").asText());
            traffic.job(tenant, created("r-1", "reports", 0));
            traffic.job(tenant, created("e-1", "emails", 0));
            assertEquals("e-1", message(client, "JobCreated").get("job_id").asText());

            client.send("{\"type\":\"subscribe\",\"filter\":{\"queue\":\"bad queue!\"},\"requestId\":\"req_2\"}");
            JsonNode refused = json(client.nextMatching(f -> f.contains("req_2"), WAIT));
            assertEquals("error", refused.get("type").asText());
            assertTrue(refused.get("error").asText().contains("invalid characters"));

            client.send("{\"type\":\"unsubscribe\",\"filter\":{\"queue\":\"emails\"},\"requestId\":\"req_3\"}");
            assertEquals("unsubscribed", json(client.nextMatching(f -> f.contains("req_3"), WAIT)).get("type").asText());
            traffic.job(tenant, created("r-2", "reports", 0));
            assertEquals("r-2", message(client, "JobCreated").get("job_id").asText());
        }
    }

    @Test
    void anUnparseableCommandGetsAnErrorEventAndTheConnectionStaysOpen() {
        try (WebSocketProbe client = connect(tenant(), "")) {
            client.send("hello");
            JsonNode error = json(client.nextMatching(f -> f.contains("\"Error\""), WAIT));
            assertEquals(Set.of("message", "timestamp"), fields(error.get("data")));
            assertTrue(error.get("data").get("message").asText().contains("not JSON"));
            client.send("{\"cmd\":\"Explode\"}");
            assertTrue(json(client.nextMatching(f -> f.contains("\"Error\""), WAIT)).get("data").get("message")
                    .asText().contains("Unknown command"));
            ping(client, "{\"cmd\":\"Ping\"}");
            assertTrue(client.isOpen());
        }
    }

    @Test
    void queryFiltersSelectQueueAndEventNames() {
        String tenant = tenant();
        try (WebSocketProbe client = connect(tenant, "&queue=emails&events=job.completed,%20Job.Failed")) {
            ping(client, "{\"cmd\":\"Ping\"}");
            traffic.job(tenant, created("e-1", "emails", 0));
            traffic.job(tenant, completed("r-1", "reports", 5));
            traffic.job(tenant, failed("e-1", "emails", 1, true, "boom"));
            traffic.job(tenant, completed("e-1", "emails", 7));
            String first = client.nextMatching(f -> f.contains("\"Job"), WAIT);
            assertEquals("JobFailed", json(first).get("type").asText(), "no JobCreated, no other queue");
            assertEquals("e-1", message(client, "JobCompleted").get("job_id").asText());
        }
    }

    @Test
    void eventsOfOneJobArriveInOrderWhileManyJobsRunAtOnce() {
        String tenant = tenant();
        int jobs = 20;
        try (WebSocketProbe client = connect(tenant, "&events=job.*")) {
            ping(client, "{\"cmd\":\"Ping\"}");
            for (int i = 0; i < jobs; i++) {
                traffic.job(tenant, created("j-" + i, "q", 0));
            }
            for (int i = 0; i < jobs; i++) {
                traffic.job(tenant, status("j-" + i, "q", "pending", "running"));
            }
            for (int i = jobs - 1; i >= 0; i--) {
                traffic.job(tenant, completed("j-" + i, "q", i));
            }
            Map<String, List<String>> seen = new LinkedHashMap<>();
            for (int n = 0; n < 3 * jobs; n++) {
                JsonNode frame = json(client.nextMatching(f -> f.contains("\"Job"), WAIT));
                seen.computeIfAbsent(frame.get("data").get("job_id").asText(), k -> new ArrayList<>())
                        .add(frame.get("type").asText());
            }
            assertEquals(jobs, seen.size());
            seen.forEach((job, types) -> assertEquals(List.of("JobCreated", "JobStatusChange", "JobCompleted"), types,
                    job + " in order"));
        }
    }

    // --- Handshake -----------------------------------------------------------------------------------------

    @Test
    void aMissingBadOrExpiredTokenIsRefusedWith401OnTheHandshake() {
        JwtClaims expired = DevCredentials.claims("acme", "u", Set.of(Role.USER), Duration.ofMinutes(5));
        expired.setExpirationTime(NumericDate.fromSeconds(Instant.now().minusSeconds(600).getEpochSecond()));
        for (String query : List.of("", "?token=not-a-token", "?token=" + DevCredentials.signWithDevKey(expired),
                "?token=" + ApiKeys.generate("sp_live_"))) {
            UpgradeRequest answer = UpgradeRequest.send(URI.create(ws() + query), Map.of());
            assertEquals(401, answer.status(), query);
            assertEquals("application/problem+json", answer.headers().get("content-type"));
            assertEquals(401, json(answer.body()).get("status").asInt());
        }
        UpgradeRequest bearer = UpgradeRequest.send(URI.create(ws()),
                Map.of("Authorization", "Bearer " + DevCredentials.tokenFor(tenant(), Role.USER)));
        assertEquals(101, bearer.status(), "Authorization: Bearer on the upgrade works too");
    }

    @Test
    void anInvalidQueueFilterIsRefusedWith400() {
        String token = DevCredentials.tokenFor(tenant(), Role.USER);
        for (String queue : List.of("bad%24queue", "x".repeat(101))) {
            UpgradeRequest answer = UpgradeRequest.send(URI.create(ws() + "?token=" + token + "&queue=" + queue),
                    Map.of());
            assertEquals(400, answer.status(), queue);
            assertTrue(json(answer.body()).get("detail").asText().startsWith("Queue filter"));
        }
        assertEquals(101, UpgradeRequest.send(URI.create(ws() + "?token=" + token + "&queue=emails.high-*"),
                Map.of()).status());
    }

    @Test
    void aTenantOverItsConnectionLimitGets429UntilOneCloses() {
        String tenant = tenant();
        List<WebSocketProbe> open = new ArrayList<>();
        try {
            for (int i = 0; i < TENANT_LIMIT; i++) {
                open.add(connect(tenant, ""));
            }
            UpgradeRequest refused = UpgradeRequest.send(URI.create(ws() + "?token=" + token(tenant)), Map.of());
            assertEquals(429, refused.status());
            assertEquals("application/problem+json", refused.headers().get("content-type"));
            try (SseProbe sse = SseProbe.open(root.resolve(SpooledChannels.EVENTS_PATH), bearer(tenant))) {
                assertEquals(429, sse.status(), "SSE and WebSocket count together");
            }
            assertEquals(101, UpgradeRequest.send(URI.create(ws() + "?token=" + token(tenant())), Map.of()).status(),
                    "another tenant is not affected");
            open.remove(0).close();
            long deadline = System.nanoTime() + WAIT.toNanos();
            int status;
            do {
                status = UpgradeRequest.send(URI.create(ws() + "?token=" + token(tenant)), Map.of()).status();
            } while (status == 429 && System.nanoTime() < deadline);
            assertEquals(101, status, "a closed connection frees its slot");
        } finally {
            open.forEach(WebSocketProbe::close);
        }
    }

    @Test
    void aRevokedApiKeyClosesTheConnectionsOpenWithIt() {
        String tenant = tenant();
        String key = ApiKeys.generate("sp_live_");
        RedisApiKeyStore keys = new RedisApiKeyStore(redis);
        keys.save(ApiKeys.hash(key), new ApiKeyRecord("k-" + tenant, tenant, "sdk", Set.of(Role.USER), "test",
                ApiKeys.preview(key), Instant.now())).toCompletableFuture().join();
        try (WebSocketProbe client = WebSocketProbe.connect(URI.create(ws() + "?token=" + key));
                SseProbe sse = SseProbe.open(root.resolve(SpooledChannels.EVENTS_PATH),
                        Map.of("Authorization", "Bearer " + key))) {
            client.nextMatching(f -> f.contains("\"Ping\""), WAIT);
            assertEquals(200, sse.status());
            keys.revoke(tenant, "k-" + tenant).toCompletableFuture().join();
            assertEquals(4001, client.awaitClose(WAIT));
            assertEquals(4001, json(sse.next("close", WAIT).data()).get("code").asInt());
        }
    }

    // --- Login ---------------------------------------------------------------------------------------------

    @Test
    void anApiKeyIsExchangedForAJwtThatOpensTheSocketAndRefreshes() throws Exception {
        String tenant = tenant();
        String key = ApiKeys.generate("sp_live_");
        new RedisApiKeyStore(redis).save(ApiKeys.hash(key), new ApiKeyRecord("k-" + tenant, tenant, "sdk",
                Set.of(Role.USER), "test", ApiKeys.preview(key), Instant.now())).toCompletableFuture().join();
        HttpResponse<String> login = post("/api/v1/auth/login", "{\"api_key\":\"" + key + "\"}");
        assertEquals(200, login.statusCode(), login.body());
        JsonNode grant = json(login.body());
        assertEquals(Set.of("access_token", "refresh_token", "token_type", "expires_in", "refresh_expires_in"),
                fields(grant));
        assertEquals("Bearer", grant.get("token_type").asText());
        assertTrue(grant.get("expires_in").asLong() > 0);
        try (WebSocketProbe client = WebSocketProbe.connect(URI.create(ws() + "?token="
                + URLEncoder.encode(grant.get("access_token").asText(), StandardCharsets.UTF_8)))) {
            traffic.job(tenant, created("via-jwt", "emails", 0));
            assertEquals("via-jwt", message(client, "JobCreated").get("job_id").asText(), "the key's tenant");
        }
        HttpResponse<String> refreshed = post("/api/v1/auth/refresh",
                "{\"refresh_token\":\"" + grant.get("refresh_token").asText() + "\"}");
        assertEquals(200, refreshed.statusCode());
        assertFalse(json(refreshed.body()).get("access_token").asText().isEmpty());

        HttpResponse<String> unknown = post("/api/v1/auth/login", "{\"api_key\":\"" + ApiKeys.generate("sp_live_") + "\"}");
        assertEquals(401, unknown.statusCode());
        assertEquals("application/problem+json", unknown.headers().firstValue("Content-Type").orElse(""));
        assertEquals(401, post("/api/v1/auth/login", "{\"api_key\":\"hello\"}").statusCode());
        assertEquals(400, post("/api/v1/auth/login", "{}").statusCode());
        assertEquals(400, post("/api/v1/auth/login", "not json").statusCode());
    }

    // --- SSE -------------------------------------------------------------------------------------------------

    @Test
    void theSseStreamNamesEachEventAndResumesExactlyFromLastEventId() {
        String tenant = tenant();
        URI events = root.resolve(SpooledChannels.EVENTS_PATH);
        List<String> published = new ArrayList<>();
        List<String> received = new ArrayList<>();
        String lastId;
        try (SseProbe stream = SseProbe.open(events, bearer(tenant))) {
            assertEquals(200, stream.status());
            SseProbe.Event ping = stream.next("ping", WAIT);
            assertEquals("Ping", json(ping.data()).get("type").asText());
            for (int i = 0; i < 6; i++) {
                published.add(publishJobOrWorker(tenant, i));
            }
            SseProbe.Event event = null;
            for (int i = 0; i < 3; i++) {
                event = stream.next(e -> e.id() != null, WAIT);
                assertEquals(expectedName(event), event.name(), "event: is the dotted name of data.type");
                received.add(marker(event));
            }
            lastId = event.id();
        }
        for (int i = 6; i < 10; i++) {
            published.add(publishJobOrWorker(tenant, i));
        }
        List<String> resumed = new ArrayList<>();
        Map<String, String> resume = new LinkedHashMap<>(bearer(tenant));
        resume.put("Last-Event-ID", lastId);
        try (SseProbe stream = SseProbe.open(events, resume)) {
            while (received.size() + resumed.size() < published.size()) {
                resumed.add(marker(stream.next(e -> e.id() != null, WAIT)));
            }
            assertTrue(stream.next(e -> e.id() != null || "ping".equals(e.name()), WAIT).id() == null,
                    "nothing more than what was missed");
        }
        List<String> all = new ArrayList<>(received);
        all.addAll(resumed);
        assertEquals(published.size(), all.size(), "each once");
        assertEquals(Set.copyOf(published), Set.copyOf(all), "every job and worker event, across both feeds");
        for (String feed : List.of("job:", "worker:")) {
            assertEquals(published.stream().filter(m -> m.startsWith(feed)).toList(),
                    all.stream().filter(m -> m.startsWith(feed)).toList(), "in order within " + feed);
        }
    }

    @Test
    void theQueueStreamCarriesThatQueueOnly() {
        String tenant = tenant();
        try (SseProbe stream = SseProbe.open(root.resolve("/api/v1/events/queues/emails"), bearer(tenant))) {
            assertEquals(200, stream.status());
            stream.next("ping", WAIT);
            traffic.job(tenant, created("r-1", "reports", 0));
            traffic.job(tenant, created("e-1", "emails", 0));
            SseProbe.Event event = stream.next(e -> e.id() != null, WAIT);
            assertEquals("job.created", event.name());
            assertEquals("e-1", json(event.data()).get("data").get("job_id").asText());
        }
        try (SseProbe refused = SseProbe.open(root.resolve("/api/v1/events/queues/bad%24queue"), bearer(tenant))) {
            assertEquals(400, refused.status());
        }
        try (SseProbe refused = SseProbe.open(root.resolve("/api/v1/events/queues/emails"), Map.of())) {
            assertEquals(401, refused.status());
        }
    }

    @Test
    void theJobStreamEndsAfterTheJobsTerminalEvent() {
        String tenant = tenant();
        String job = "job-" + UUID.randomUUID();
        try (SseProbe stream = SseProbe.open(root.resolve("/api/v1/events/jobs/" + job), bearer(tenant))) {
            assertEquals(200, stream.status());
            stream.next("ping", WAIT);
            traffic.job(tenant, created(job, "emails", 0));
            traffic.job(tenant, created("other", "emails", 0));
            traffic.job(tenant, status(job, "emails", "pending", "running"));
            traffic.job(tenant, failed(job, "emails", 1, true, "try again"));
            traffic.job(tenant, completed(job, "emails", 42));
            List<String> names = stream.untilEnd(WAIT).stream().filter(e -> e.id() != null).map(SseProbe.Event::name)
                    .toList();
            assertEquals(List.of("job.created", "job.status", "job.failed", "job.completed"), names,
                    "a retried failure is not the end; completion is");
        }
        try (SseProbe late = SseProbe.open(root.resolve("/api/v1/events/jobs/" + job), bearer(tenant))) {
            List<String> names = late.untilEnd(WAIT).stream().filter(e -> e.id() != null).map(SseProbe.Event::name)
                    .toList();
            assertEquals(List.of("job.created", "job.status", "job.failed", "job.completed"), names,
                    "a job that already finished is told from the gateway's buffer, and the stream ends");
        }
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    /** Alternates job and worker events (one key each, so each feed's order is the publishing order). */
    private static String publishJobOrWorker(String tenant, int i) {
        if (i % 2 == 0) {
            traffic.job(tenant, created("sse-" + i, "emails", i));
            return "job:sse-" + i;
        }
        traffic.worker(tenant, new io.streamgate.platform.jobs.WorkerEvent("heartbeat", "w-sse", List.of("emails"),
                "h", i, 4, Instant.parse("2026-12-03T00:00:00Z").plusSeconds(i)));
        return "worker:" + Instant.parse("2026-12-03T00:00:00Z").plusSeconds(i);
    }

    private static String marker(SseProbe.Event event) {
        JsonNode data = json(event.data()).get("data");
        return event.name().startsWith("job.") ? "job:" + data.get("job_id").asText()
                : "worker:" + data.get("timestamp").asText();
    }

    private static String expectedName(SseProbe.Event event) {
        return switch (json(event.data()).get("type").asText()) {
        case "JobCreated" -> "job.created";
        case "WorkerHeartbeat" -> "worker.heartbeat";
        default -> "unexpected";
        };
    }

    private static void ping(WebSocketProbe client, String command) {
        client.send(command);
        client.nextMatching(f -> f.contains("\"Ping\""), WAIT);
    }

    private static JsonNode message(WebSocketProbe client, String type) {
        JsonNode message = json(client.nextMatching(f -> f.startsWith("{\"type\":\"" + type + "\""), WAIT));
        assertEquals(List.of("type", "data"), names(message));
        return message.get("data");
    }

    private WebSocketProbe connect(String tenant, String query) {
        return WebSocketProbe.connect(URI.create(ws() + "?token=" + token(tenant) + query));
    }

    private static String token(String tenant) {
        return DevCredentials.tokenFor(tenant, Role.USER);
    }

    private static Map<String, String> bearer(String tenant) {
        return Map.of("Authorization", "Bearer " + token(tenant));
    }

    private String ws() {
        return root.resolve(SpooledChannels.WEBSOCKET_PATH).toString().replaceFirst("^http", "ws");
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(root.resolve(path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String tenant() {
        return "sp-" + UUID.randomUUID().toString().substring(0, 8);
    }

}
