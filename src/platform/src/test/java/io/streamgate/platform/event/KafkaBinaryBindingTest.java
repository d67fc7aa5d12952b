package io.streamgate.platform.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

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
}
