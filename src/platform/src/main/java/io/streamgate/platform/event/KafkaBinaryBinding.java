package io.streamgate.platform.event;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeader;

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

    // Shared by every record: a producer only reads a header's bytes.
    private static final Header SPEC_VERSION_HEADER = header(SPEC_VERSION, EventEnvelope.SPEC_VERSION);
    private static final Header CONTENT_TYPE_HEADER = header(CONTENT_TYPE, JSON);

    private KafkaBinaryBinding() {
    }

    /** Writes the envelope's attributes onto {@code headers}, replacing any earlier ones. */
    public static Headers write(EventEnvelope envelope, Headers headers) {
        return replace(headers, attributes(envelope, null));
    }

    /** As {@link #write(EventEnvelope, Headers)}, with the {@code dataschema} of the topic the record goes to. */
    public static Headers write(EventEnvelope envelope, Topic topic, Headers headers) {
        return replace(headers, attributes(envelope, topic));
    }

    /**
     * The headers of a new record of {@code envelope} on {@code topic}, for {@code ProducerRecord}'s constructor
     * (which copies a list in one step). Ingest writes hundreds of thousands of records a second: the list is
     * sized once (a growing header list was 5 % of ingest's CPU samples) and the constant headers are shared.
     */
    public static List<Header> attributes(EventEnvelope envelope, Topic topic) {
        List<Header> headers = new ArrayList<>(9);
        headers.add(SPEC_VERSION_HEADER);
        headers.add(header(ID, envelope.id()));
        headers.add(header(SOURCE, envelope.source()));
        headers.add(header(TYPE, envelope.type()));
        headers.add(header(TIME, Timestamps.iso(envelope.time())));
        if (envelope.subject() != null) {
            headers.add(header(SUBJECT, envelope.subject()));
        }
        headers.add(header(TENANT, envelope.tenant()));
        headers.add(CONTENT_TYPE_HEADER);
        if (topic != null) {
            headers.add(header(DATA_SCHEMA, topic.dataSchema()));
        }
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
                    Timestamps.parse(time), get(headers, SUBJECT), require(headers, TENANT));
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

    private static Headers replace(Headers headers, List<Header> attributes) {
        for (Header attribute : attributes) {
            headers.remove(attribute.key());
            headers.add(attribute);
        }
        return headers;
    }

    private static Header header(String key, String value) {
        return new RecordHeader(key, value.getBytes(StandardCharsets.UTF_8));
    }
}
