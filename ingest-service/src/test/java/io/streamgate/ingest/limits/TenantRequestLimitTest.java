package io.streamgate.ingest.limits;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.streamgate.devstack.DevCredentials;
import io.streamgate.devstack.DevstackTestResource;
import io.streamgate.devstack.testing.TopicProbe;
import io.streamgate.platform.event.KafkaBinaryBinding;
import io.streamgate.platform.identity.Role;
import io.streamgate.platform.topic.Topics;

/**
 * A tenant over its ingest request rate gets {@code 429} with {@code Retry-After} on every API, and what it was
 * refused is not written; another tenant's writes are accepted and reach Kafka meanwhile.
 */
@QuarkusTest
@TestProfile(TenantRequestLimitProfile.class)
@WithTestResource(value = DevstackTestResource.class, scope = TestResourceScope.GLOBAL)
class TenantRequestLimitTest {

    private static final String RUN = "ratelimit" + ProcessHandle.current().pid();

    @Test
    void aTenantOverItsRateIsRefusedWith429AndNothingRefusedIsWrittenWhileAnotherTenantIsServed() {
        String flooder = RUN + "-a";
        String other = RUN + "-b";
        String flooderToken = DevCredentials.tokenFor(flooder, Role.USER);
        try (TopicProbe probe = new TopicProbe(bootstrapServers(), Topics.AIRCRAFT_POSITIONS.name())) {
            int accepted = 0;
            int refused = 0;
            for (int i = 0; i < TenantRequestLimitProfile.BURST + 3; i++) {
                Response answer = aircraft(flooderToken, String.format("a%05x", i));
                if (answer.statusCode() == 202) {
                    accepted++;
                } else {
                    assertEquals(429, answer.statusCode());
                    assertEquals("application/problem+json", answer.contentType().split(";")[0]);
                    assertTrue(answer.jsonPath().getString("type").endsWith("/rate-limited"));
                    assertTrue(Long.parseLong(answer.header("Retry-After")) >= 1, "Retry-After in seconds");
                    refused++;
                }
            }
            assertEquals(TenantRequestLimitProfile.BURST, accepted, "the burst is accepted");
            assertEquals(3, refused, "then every request is refused");

            // Every API path counts against the same bucket, NGSI's included.
            assertEquals(429, given().header("Authorization", "Bearer " + flooderToken).contentType("application/json")
                    .body("{\"actionType\":\"append\",\"entities\":[]}").post("/v2/op/update").statusCode());

            // Another tenant is served while the first is refused.
            assertEquals(202, aircraft(DevCredentials.tokenFor(other, Role.USER), "b00001").statusCode());

            List<ConsumerRecord<String, byte[]>> records = probe.await(TenantRequestLimitProfile.BURST + 1,
                    Duration.ofSeconds(30));
            Map<String, Long> perTenant = records.stream().collect(Collectors.groupingBy(
                    r -> KafkaBinaryBinding.read(r.headers()).tenant(), Collectors.counting()));
            assertEquals(TenantRequestLimitProfile.BURST, perTenant.getOrDefault(flooder, 0L),
                    "exactly what was accepted was written: " + perTenant);
            assertEquals(1L, perTenant.getOrDefault(other, 0L));
        }
    }

    private static Response aircraft(String token, String hex) {
        return given().header("Authorization", "Bearer " + token).contentType("application/json")
                .body("{\"now\":1785349721.5,\"aircraft\":[{\"hex\":\"" + hex + "\",\"lat\":1.0,\"lon\":2.0}]}")
                .post("/v1/aircraft");
    }

    private static String bootstrapServers() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }
}
