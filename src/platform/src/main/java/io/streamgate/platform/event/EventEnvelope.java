package io.streamgate.platform.event;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The attributes every StreamGate record carries: the CloudEvents 1.0 context attributes
 * ({@code id, source, type, time, subject}) plus the {@code tenant} extension. The payload travels
 * beside it (as the Kafka record value in the binary binding), so consumers route on these
 * attributes without parsing the payload.
 *
 * @param id      unique per event; with {@code source} it identifies the event (CloudEvents rule)
 * @param source  who produced it, as a URI reference such as {@code /ingest/adsb}
 * @param type    reverse-DNS event type, such as {@code io.streamgate.aircraft.position}
 * @param time    when the fact happened (event time), not when it was written
 * @param subject the entity the event is about (ICAO hex, machine id, …); also the Kafka key
 * @param tenant  the tenant that owns the event
 */
public record EventEnvelope(String id, String source, String type, Instant time, String subject, String tenant) {

    public static final String SPEC_VERSION = "1.0";

    public EventEnvelope {
        requireText(id, "id");
        requireText(source, "source");
        requireText(type, "type");
        requireText(tenant, "tenant");
        Objects.requireNonNull(time, "time");
    }

    /** A new envelope with a random id. */
    public static EventEnvelope of(String source, String type, Instant time, String subject, String tenant) {
        return new EventEnvelope(randomId(), source, type, time, subject, tenant);
    }

    /**
     * A random (version 4) UUID from a fast generator: an event id must be unique, not unguessable, and
     * {@link UUID#randomUUID()}'s SecureRandom was a visible share of ingest's CPU.
     */
    static String randomId() {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("CloudEvents attribute '" + name + "' must not be empty");
        }
    }
}
