package io.streamgate.gateway.dialect.spooled;

import static io.streamgate.gateway.dialect.spooled.SpooledTraffic.completed;
import static io.streamgate.gateway.dialect.spooled.SpooledTraffic.created;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.streamgate.devstack.DevstackTestResource;
import io.streamgate.devstack.testing.ClientProgram;
import io.streamgate.platform.identity.ApiKeyRecord;
import io.streamgate.platform.identity.ApiKeys;
import io.streamgate.platform.identity.RedisApiKeyStore;
import io.streamgate.platform.identity.Role;
import io.vertx.redis.client.Redis;

/**
 * A Node program written the way Spooled's guide and Node SDK documentation tell a developer to (src/test/node/
 * spooled-client.mjs: {@code ws} 8, {@code eventsource}, the API-key login, the guide's PascalCase command and the
 * SDK's request-id command) runs against the gateway; what it prints is what a Spooled developer would see.
 */
@QuarkusTest
@WithTestResource(value = DevstackTestResource.class, scope = TestResourceScope.GLOBAL)
class SpooledNodeClientTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TestHTTPResource("/")
    URI root;

    @Inject
    Redis redis;

    @Test
    void anSdkStyleNodeClientLogsInSubscribesAndStreamsOverBothTransports() throws Exception {
        String tenant = "node-" + UUID.randomUUID().toString().substring(0, 8);
        String key = ApiKeys.generate("sp_live_");
        new RedisApiKeyStore(redis).save(ApiKeys.hash(key), new ApiKeyRecord("k-" + tenant, tenant, "sdk",
                Set.of(Role.USER), "test", ApiKeys.preview(key), Instant.now())).toCompletableFuture().join();
        String base = root.toString().replaceFirst("/$", "");
        try (ClientProgram lines = ClientProgram.start(Path.of("src/test/node"), "node", "spooled-client.mjs", base, key,
                "emails"); SpooledTraffic traffic = new SpooledTraffic()) {
            JsonNode login = next(lines, line -> line.has("login") || line.has("error"));
            assertTrue(login.has("login"), login.toString());
            assertEquals("Bearer", login.get("login").get("token_type").asText());
            assertTrue(login.get("login").get("has_exp").asBoolean(), "the SDK can read exp from the JWT");
            next(lines, line -> line.has("ready"));

            String job = "node-" + UUID.randomUUID();
            traffic.job(tenant, created("r-" + job, "reports", 0));
            traffic.job(tenant, created(job, "emails", 3));
            traffic.job(tenant, completed(job, "emails", 250));

            JsonNode wsCreated = next(lines, line -> line.has("ws")
                    && line.get("ws").path("type").asText().startsWith("Job")).get("ws");
            assertEquals("JobCreated", wsCreated.get("type").asText());
            assertEquals(job, wsCreated.get("data").get("job_id").asText(), "the reports job was filtered out");
            assertEquals(3, wsCreated.get("data").get("priority").asInt());
            JsonNode wsCompleted = next(lines, line -> line.has("ws")
                    && "JobCompleted".equals(line.get("ws").path("type").asText())).get("ws");
            assertEquals(250, wsCompleted.get("data").get("duration_ms").asLong());

            next(lines, line -> line.has("sse") && "job.completed".equals(line.get("sse").get("event").asText()));
            List<JsonNode> sseJobs = lines.all(line -> line.has("sse")
                    && line.get("sse").get("event").asText().startsWith("job."));
            assertEquals(2, sseJobs.size(), "the reports job is not in the emails queue stream: " + sseJobs);
            JsonNode sseCreated = sseJobs.get(0).get("sse");
            assertEquals("job.created", sseCreated.get("event").asText());
            assertEquals(job, sseCreated.get("data").get("data").get("job_id").asText());
            assertFalse(sseCreated.get("id").asText().isEmpty(), "every job event carries an id to resume from");
            assertEquals("job.completed", sseJobs.get(1).get("sse").get("event").asText());
        }
    }

    private static JsonNode next(ClientProgram lines, Predicate<JsonNode> wanted) throws InterruptedException {
        return lines.await(wanted, WAIT);
    }
}
