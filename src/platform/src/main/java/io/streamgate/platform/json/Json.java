package io.streamgate.platform.json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one JSON configuration of StreamGate's wire and record formats: ISO-8601 UTC instants with a
 * {@code Z}, absent values left out, unknown fields tolerated (producers evolve ahead of consumers).
 * Quarkus services customise their injected mapper with {@link #configure(ObjectMapper)} so that
 * REST bodies and Kafka records agree.
 */
public final class Json {

    private static final ObjectMapper MAPPER = configure(new ObjectMapper());

    private Json() {
    }

    /** Applies StreamGate's settings to {@code mapper}, which may be one Quarkus built. */
    public static ObjectMapper configure(ObjectMapper mapper) {
        // Registered after JavaTimeModule, so it wins for Instant: the same text, written faster.
        SimpleModule fastInstants = new SimpleModule("streamgate-instants").addSerializer(Instant.class,
                new StdSerializer<>(Instant.class) {
                    @Override
                    public void serialize(Instant value, JsonGenerator json, SerializerProvider provider)
                            throws IOException {
                        json.writeString(Timestamps.iso(value));
                    }
                });
        // Jackson's own Schubfach writer and FastDoubleParser for doubles, instead of the JDK 17 routines: positions
        // are mostly doubles, and Double.toString was the largest single cost of encoding one (the same double
        // comes back from the text either way).
        mapper.getFactory().enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER.mappedFeature())
                .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER.mappedFeature());
        return mapper.registerModule(new JavaTimeModule()).registerModule(fastInstants)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .setSerializationInclusion(JsonInclude.Include.NON_NULL);
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static byte[] encode(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode " + value.getClass().getSimpleName(), e);
        }
    }

    public static <T> T decode(byte[] json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot decode " + type.getSimpleName(), e);
        }
    }
}
