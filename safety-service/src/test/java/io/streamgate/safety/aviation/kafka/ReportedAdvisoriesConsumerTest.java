package io.streamgate.safety.aviation.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
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
import io.streamgate.devstack.DevstackTestResource;
import io.streamgate.devstack.testing.EventWriter;
import io.streamgate.devstack.testing.TopicProbe;
import io.streamgate.platform.aviation.AcasAdvisory;
import io.streamgate.platform.event.EventTypes;
import io.streamgate.platform.json.Json;
import io.streamgate.platform.safety.SafetyEvent;
import io.streamgate.platform.topic.Topics;

/**
 * The RAs ingest decodes from raw Mode S ({@code aircraft.acas}) reach {@code safety.events} as TCAS_RA episodes,
 * which the gateway's SkySpy dialect streams as it streams the inferred ones.
 */
@QuarkusTest
@WithTestResource(value = DevstackTestResource.class, scope = TestResourceScope.GLOBAL)
class ReportedAdvisoriesConsumerTest {

    @Test
    void aReportedAdvisoryBecomesATcasRaEpisodeThatEndsWhenTheAircraftTerminatesIt() {
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        String hex = "a" + UUID.randomUUID().toString().substring(0, 5);
        Instant at = Instant.now();
        try (TopicProbe probe = new TopicProbe(bootstrap, Topics.SAFETY_EVENTS.name());
                EventWriter writer = new EventWriter(bootstrap)) {
            writer.send(Topics.AIRCRAFT_ACAS.name(), hex, EventTypes.AIRCRAFT_ACAS_ADVISORY, "default", Json.encode(
                    new AcasAdvisory(hex, 0b10000000000000, 0, "climb", false, false, "406755", 20, 47.5, 8.5, 36000,
                            at)));
            writer.send(Topics.AIRCRAFT_ACAS.name(), hex, EventTypes.AIRCRAFT_ACAS_ADVISORY, "default", Json.encode(
                    new AcasAdvisory(hex, 0, 0, null, true, false, "406755", 20, 47.5, 8.5, 36000, at.plusSeconds(4))));
            List<SafetyEvent> episode = new ArrayList<>();
            Deadline.await("the raised and the ended TCAS_RA of " + hex, Duration.ofSeconds(30), () -> {
                episode.clear();
                for (ConsumerRecord<String, byte[]> record : probe.drain(Duration.ofMillis(200))) {
                    SafetyEvent event = Json.decode(record.value(), SafetyEvent.class);
                    if (hex.equals(event.icaoHex())) {
                        episode.add(event);
                    }
                }
                return episode.size() >= 2;
            });
            assertEquals(2, episode.size(), "" + episode);
            assertEquals(SafetyEvent.TYPE_TCAS_RA, episode.get(0).eventType());
            assertTrue(episode.get(0).active());
            assertEquals("reported", episode.get(0).details().get("source"));
            assertEquals("406755", episode.get(0).icaoHex2());
            assertFalse(episode.get(1).active());
            assertEquals("terminated", episode.get(1).details().get("end_reason"));
            assertEquals(episode.get(0).id(), episode.get(1).id());
        }
    }
}
