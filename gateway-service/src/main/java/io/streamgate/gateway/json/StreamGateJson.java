package io.streamgate.gateway.json;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.jackson.ObjectMapperCustomizer;
import io.streamgate.platform.json.Json;

/**
 * Quarkus's mapper uses the same JSON settings as Kafka records. The other services take this customizer from
 * service-kit; the gateway keeps its own because it cannot depend on service-kit: that module's token-verifier
 * producer would make the gateway's own ambiguous (the gateway authenticates WebSocket and SSE handshakes with
 * its own configuration), and it would register a JAX-RS authentication filter and problem mappers for a REST
 * API the gateway does not have.
 */
@Singleton
public class StreamGateJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        Json.configure(mapper);
    }
}
