package io.streamgate.gateway.conformance;

import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.streamgate.gateway.dialect.CloseCodes;
import io.streamgate.gateway.dialect.Conversation;
import io.streamgate.gateway.dialect.Dialect;
import io.streamgate.gateway.dialect.Endpoint;
import io.streamgate.gateway.dialect.InboundError;

/**
 * An echo "dialect", so Autobahn|Testsuite's fuzzing client exercises the very WebSocket transport every
 * product's clients go through (framing, fragmentation, limits, ping/pong, close handshake) rather than a
 * separate server. It has no endpoint unless {@code streamgate.gateway.conformance.echo-enabled} is set.
 */
@ApplicationScoped
public class ConformanceEchoDialect implements Dialect {

    /** RFC 6455's own codes: no product conventions to test here. */
    private static final CloseCodes CODES = new CloseCodes(1008, 1008, 1001, 1013, 1008, 1009, 1001);

    private final List<Endpoint> endpoints;

    ConformanceEchoDialect(ConformanceConfig config) {
        this.endpoints = config.echoEnabled()
                ? List.of(Endpoint.webSocket(config.echoPath(), true, (session, handshake) -> new Conversation() {
                    @Override
                    public Uni<String> text(String message) {
                        return Uni.createFrom().item(message);
                    }
                }))
                : List.of();
    }

    @Override
    public String name() {
        return "conformance-echo";
    }

    @Override
    public List<Endpoint> endpoints() {
        return endpoints;
    }

    @Override
    public CloseCodes closeCodes() {
        return CODES;
    }

    @Override
    public Duration heartbeatTimeout() {
        return Duration.ofMinutes(5);
    }

    @Override
    public String inboundError(InboundError error) {
        return null;
    }
}
