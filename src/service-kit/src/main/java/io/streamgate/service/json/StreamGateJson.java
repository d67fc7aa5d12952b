package io.streamgate.service.json;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.jackson.ObjectMapperCustomizer;
import io.streamgate.platform.json.Json;

/** REST bodies use the same JSON settings as Kafka records. */
@Singleton
public class StreamGateJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        Json.configure(mapper);
    }
}
