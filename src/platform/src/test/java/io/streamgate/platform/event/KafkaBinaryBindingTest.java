package io.streamgate.platform.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import io.streamgate.platform.topic.Topic;
import io.streamgate.platform.topic.Topics;

class KafkaBinaryBindingTest {

    private final EventEnvelope envelope = new EventEnvelope("e-1", "/ingest/adsb", EventTypes.AIRCRAFT_POSITION,
            Instant.parse("2026-07-29T12:28:41.500Z"), "3c71a1", "acme");

    @Test
    void attributesSurviveTheRoundTripThroughHeaders() {
        RecordHeaders headers = new RecordHeaders();
        KafkaBinaryBinding.write(envelope, headers);

        assertEquals(envelope, KafkaBinaryBinding.read(headers));
        assertEquals("1.0", KafkaBinaryBinding.get(headers, "ce_specversion"));
        assertEquals("application/json", KafkaBinaryBinding.get(headers, "content-type"));
        assertEquals("2026-07-29T12:28:41.500Z", KafkaBinaryBinding.get(headers, "ce_time"));
    }

    @Test
    void writingTwiceLeavesOneValuePerAttribute() {
        RecordHeaders headers = new RecordHeaders();
        KafkaBinaryBinding.write(envelope, headers);
        KafkaBinaryBinding.write(envelope, headers);

        int ids = 0;
        for (var header : headers.headers("ce_id")) {
            ids++;
        }
        assertEquals(1, ids);
    }

    @Test
    void aMissingTenantIsRejectedByName() {
        RecordHeaders headers = new RecordHeaders();
        KafkaBinaryBinding.write(envelope, headers);
        headers.remove("ce_tenant");

        var error = assertThrows(MalformedEventException.class, () -> KafkaBinaryBinding.read(headers));
        assertEquals("missing header ce_tenant", error.getMessage());
    }

    @Test
    void anUnreadableTimeIsRejected() {
        RecordHeaders headers = new RecordHeaders();
        KafkaBinaryBinding.write(envelope, headers);
        headers.remove("ce_time");
        headers.add("ce_time", "yesterday".getBytes(StandardCharsets.UTF_8));

        assertThrows(MalformedEventException.class, () -> KafkaBinaryBinding.read(headers));
    }

    @Test
    void recordsWithoutTheSpecVersionAreNotCloudEvents() {
        RecordHeaders headers = new RecordHeaders();
        KafkaBinaryBinding.write(envelope, headers);
        headers.remove("ce_specversion");

        assertThrows(MalformedEventException.class, () -> KafkaBinaryBinding.read(headers));
    }

    @Test
    void anEnvelopeNeedsATenant() {
        assertThrows(IllegalArgumentException.class,
                () -> EventEnvelope.of("/ingest", EventTypes.AIRCRAFT_POSITION, Instant.now(), "abc", " "));
    }

    @Test
    void aRecordCarriesItsTopicsSchemaAndIsReadableOnlyAsThatVersion() {
        RecordHeaders headers = new RecordHeaders();
        KafkaBinaryBinding.write(EventEnvelope.of("/test", "t", Instant.now(), "k", "acme"), Topics.SAFETY_EVENTS,
                headers);
        assertEquals("urn:streamgate:schema:safety.events:v1", KafkaBinaryBinding.get(headers,
                KafkaBinaryBinding.DATA_SCHEMA));
        assertTrue(KafkaBinaryBinding.readableAs(Topics.SAFETY_EVENTS, headers));
        Topic nextVersion = new Topic("safety.events", "id", false, List.of(), List.of(), 2);
        assertFalse(KafkaBinaryBinding.readableAs(nextVersion, headers), "a v2 reader does not take v1 as v2");
    }

    @Test
    void aRecordWithoutASchemaIsVersionOne() {
        RecordHeaders headers = new RecordHeaders();
        KafkaBinaryBinding.write(EventEnvelope.of("/test", "t", Instant.now(), "k", "acme"), headers);
        assertTrue(KafkaBinaryBinding.readableAs(Topics.SAFETY_EVENTS, headers));
        assertFalse(KafkaBinaryBinding.readableAs(new Topic("safety.events", "id", false, List.of(), List.of(), 2),
                headers));
    }
}
