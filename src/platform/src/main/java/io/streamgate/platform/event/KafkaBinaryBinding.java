package io.streamgate.platform.event;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.function.Predicate;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import io.streamgate.platform.json.Timestamps;
import io.streamgate.platform.topic.Topic;

/**
 * The CloudEvents Kafka protocol binding, binary content mode: attributes travel as {@code ce_*}
 * headers, the record value is the event data as is, and {@code content-type} names its media type.
 */
public final class KafkaBinaryBinding {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    public static final String TENANT = "ce_tenant";
    /** Which platform schema (and version) the payload follows: {@link Topic#dataSchema()}. */
    public static final String DATA_SCHEMA = "ce_dataschema";
    public static final String CONTENT_TYPE = "content-type";
    public static final String JSON = "application/json";

    private KafkaBinaryBinding() {
    }

    /** Writes the envelope's attributes onto {@code headers}, replacing any earlier ones. */
    public static Headers write(EventEnvelope envelope, Headers headers) {
        put(headers, SPEC_VERSION, EventEnvelope.SPEC_VERSION);
        put(headers, ID, envelope.id());
        put(headers, SOURCE, envelope.source());
        put(headers, TYPE, envelope.type());
        put(headers, TIME, Timestamps.iso(envelope.time()));
        if (envelope.subject() != null) {
            put(headers, SUBJECT, envelope.subject());
        }
        put(headers, TENANT, envelope.tenant());
        put(headers, CONTENT_TYPE, JSON);
        return headers;
    }

    /** As {@link #write(EventEnvelope, Headers)}, with the {@code dataschema} of the topic the record goes to. */
    public static Headers write(EventEnvelope envelope, Topic topic, Headers headers) {
        write(envelope, headers);
        put(headers, DATA_SCHEMA, topic.dataSchema());
        return headers;
    }

    /**
     * True when a record's payload follows the schema version this build reads for {@code topic}.
     * Records without {@code ce_dataschema} were written before schemas were versioned: version 1.
     */
    public static boolean readableAs(Topic topic, Headers headers) {
        return schemaCheck(topic).test(headers);
    }

    /**
     * {@link #readableAs} for one topic, made once: it compares the header's bytes with the expected
     * schema's, with no string built per record (readers run it on every record of a high-rate topic).
     */
    public static Predicate<Headers> schemaCheck(Topic topic) {
        byte[] expected = topic.dataSchema().getBytes(StandardCharsets.UTF_8);
        boolean unmarkedIsReadable = topic.schemaVersion() == 1;
        return headers -> {
            Header header = headers.lastHeader(DATA_SCHEMA);
            return header == null || header.value() == null ? unmarkedIsReadable
                    : Arrays.equals(header.value(), expected);
        };
    }

    /**
     * Reads the envelope back.
     *
     * @throws MalformedEventException when a required attribute is missing or unreadable
     */
    public static EventEnvelope read(Headers headers) {
        String specVersion = get(headers, SPEC_VERSION);
        if (!EventEnvelope.SPEC_VERSION.equals(specVersion)) {
            throw new MalformedEventException("unsupported or missing ce_specversion: " + specVersion);
        }
        String time = require(headers, TIME);
        try {
            return new EventEnvelope(require(headers, ID), require(headers, SOURCE), require(headers, TYPE),
                    Instant.parse(time), get(headers, SUBJECT), require(headers, TENANT));
        } catch (DateTimeParseException e) {
            throw new MalformedEventException("ce_time is not an RFC 3339 timestamp: " + time);
        }
    }

    /** The value of one header as text, or null when absent. */
    public static String get(Headers headers, String key) {
        Header header = headers.lastHeader(key);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String require(Headers headers, String key) {
        String value = get(headers, key);
        if (value == null || value.isEmpty()) {
            throw new MalformedEventException("missing header " + key);
        }
        return value;
    }

    private static void put(Headers headers, String key, String value) {
        headers.remove(key);
        headers.add(key, value.getBytes(StandardCharsets.UTF_8));
    }
}
