package io.streamgate.ingest.entities;

import static io.streamgate.ingest.identity.TestCallers.api;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.streamgate.devstack.Deadline;
import io.streamgate.devstack.Devstack;
import io.streamgate.devstack.DevstackTestResource;
import io.streamgate.devstack.KafkaBroker;
import io.streamgate.devstack.testing.TopicProbe;
import io.streamgate.platform.entities.EntityChange;
import io.streamgate.platform.json.Json;

/** The retry path: a change Redis stored while Kafka was down is announced once Kafka is back, in order. */
@QuarkusTest
@WithTestResource(value = DevstackTestResource.class, scope = TestResourceScope.GLOBAL)
class EntityChangesOutliveKafkaOutageTest {

    /** Broker restart plus one relay round plus the producer's reconnection. */
    private static final Duration RECOVERY = Duration.ofSeconds(90);

    @Test
    void aChangeStoredWhileKafkaIsDownIsAnnouncedWhenKafkaIsBack() {
        KafkaBroker kafka = Devstack.shared().kafka();
        assertEquals(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                kafka.bootstrapServers(), "the broker this test stops is the one the service writes to");
        String id = "urn:ngsi-ld:Room:" + UUID.randomUUID();
        api().contentType("application/json")
                .body("{\"id\": \"" + id + "\", \"type\": \"Room\", \"temperature\": {\"value\": 20}}")
                .post("/v2/entities").then().statusCode(201);

        try (TopicProbe probe = EntitiesResourceTest.probe()) {
            kafka.stop();
            try {
                api().contentType("application/json").body("{\"temperature\": {\"value\": 99}}")
                        .patch("/v2/entities/{id}/attrs", id)
                        .then().statusCode(503).contentType("application/problem+json")
                        .header("Retry-After", "5")
                        .body("detail", containsString("the change is stored"));

                api().get("/v2/entities/{id}", id).then().statusCode(200).body("temperature.value", equalTo(99));
            } finally {
                kafka.start();
            }

            List<EntityChange> announced = changes(probe, "default/" + id, 1);
            assertEquals(EntityChange.UPDATED, announced.get(0).type());
            assertEquals(List.of("temperature"), announced.get(0).changedAttributes());
            assertEquals(99, announced.get(0).data().get("temperature").value().asInt());

            api().contentType("application/json").body("{\"temperature\": {\"value\": 100}}")
                    .patch("/v2/entities/{id}/attrs", id).then().statusCode(204);
            List<EntityChange> both = changes(probe, "default/" + id, 2);
            assertEquals(100, both.get(1).data().get("temperature").value().asInt(),
                    "the later change follows the recovered one");
        }
    }

    private static List<EntityChange> changes(TopicProbe probe, String key, int count) {
        List<ConsumerRecord<String, byte[]>> matching = new ArrayList<>();
        Deadline.await(count + " change(s) of " + key, RECOVERY, () -> {
            matching.clear();
            probe.drain(Duration.ofMillis(200)).stream().filter(r -> key.equals(r.key())).forEach(matching::add);
            return matching.size() >= count;
        });
        return matching.stream().map(r -> Json.decode(r.value(), EntityChange.class)).toList();
    }
}
