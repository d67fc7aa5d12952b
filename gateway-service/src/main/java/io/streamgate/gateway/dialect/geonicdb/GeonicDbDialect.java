package io.streamgate.gateway.dialect.geonicdb;

import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.streamgate.gateway.dialect.CloseCodes;
import io.streamgate.gateway.dialect.Dialect;
import io.streamgate.gateway.dialect.Endpoint;
import io.streamgate.gateway.dialect.InboundError;

/**
 * GeonicDB's event streaming API: the WebSocket at the service root ({@code ws://host/?tenant=…}; a
 * plain {@code GET /} is passed on to the web dashboard) and its SSE fallback at {@code /sse/entities}.
 * Every credential refusal closes with 1008 (policy violation), as GeonicDB documents; the idle timeout
 * closes with 1001 (going away), as its API Gateway does.
 *
 * <p>Both endpoints admit anonymous clients at the transport (in hybrid mode): whether a token is
 * needed is GeonicDB's own setting, {@code streamgate.geonicdb.auth.enabled}, decided by the channel
 * once the tenant is known.
 */
@ApplicationScoped
public class GeonicDbDialect implements Dialect {

    static final int POLICY_VIOLATION = 1008;
    static final int GOING_AWAY = 1001;
    static final CloseCodes CLOSE_CODES = new CloseCodes(POLICY_VIOLATION, POLICY_VIOLATION, GOING_AWAY, 1013,
            POLICY_VIOLATION, 1009, GOING_AWAY);

    static final String WEBSOCKET_PATH = "/";
    static final String SSE_PATH = "/sse/entities";

    private final List<Endpoint> endpoints;
    private final GeonicDbConfig config;

    GeonicDbDialect(GeonicDbConfig config, GeonicDbChannel channel) {
        this.config = config;
        this.endpoints = List.of(
                Endpoint.webSocket(WEBSOCKET_PATH, true, channel::openWebSocket),
                Endpoint.sse(SSE_PATH, true, channel::openSse));
    }

    @Override
    public String name() {
        return "geonicdb";
    }

    @Override
    public List<Endpoint> endpoints() {
        return endpoints;
    }

    @Override
    public CloseCodes closeCodes() {
        return CLOSE_CODES;
    }

    @Override
    public Duration heartbeatTimeout() {
        return config.idleTimeout();
    }

    @Override
    public String inboundError(InboundError error) {
        return switch (error) {
            case MESSAGE_TOO_BIG -> GeonicDbMessages.error(GeonicDbMessages.MESSAGE_TOO_LARGE);
            case BINARY_NOT_SUPPORTED -> GeonicDbMessages.error(GeonicDbMessages.BINARY_NOT_SUPPORTED);
            case RATE_LIMITED -> GeonicDbMessages.error(GeonicDbMessages.RATE_LIMITED);
        };
    }
}
