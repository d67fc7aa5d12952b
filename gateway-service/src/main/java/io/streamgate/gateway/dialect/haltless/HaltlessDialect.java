package io.streamgate.gateway.dialect.haltless;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.streamgate.gateway.alerts.AlertFeed;
import io.streamgate.gateway.dialect.CloseCodes;
import io.streamgate.gateway.dialect.Dialect;
import io.streamgate.gateway.dialect.Endpoint;
import io.streamgate.gateway.dialect.Heartbeat;
import io.streamgate.gateway.dialect.InboundError;
import io.streamgate.gateway.machines.MachineStatusFeed;
import io.streamgate.gateway.machines.SensorReadingsView;

/**
 * Haltless (industrial sensors): {@code /api/v1/ws/dashboard}, the JWT as the first text message, and its
 * SSE fallback {@code /api/v1/sse/dashboard} (Bearer header). Refresh is the gateway's shared
 * {@code POST /api/v1/auth/refresh}.
 */
@ApplicationScoped
public class HaltlessDialect implements Dialect {

    static final String WEBSOCKET_PATH = "/api/v1/ws/dashboard";
    static final String SSE_PATH = "/api/v1/sse/dashboard";

    /**
     * 4001 invalid or expired token (the seed's client refreshes and reconnects), 4002 no token in time,
     * 4003 too many pending connections; Haltless names no others, so the rest are the standard codes a
     * client retries on: 1013 slow consumer, 1008 policy, 1009 too big, 1001 going away, 4000 idle.
     */
    private static final CloseCodes CODES = new CloseCodes(4001, 4001, 4000, 1013, 1008, 1009, 1001, 4002, 4003);

    private final List<Endpoint> endpoints;
    private final HaltlessConfig config;
    private final Heartbeat heartbeat;

    HaltlessDialect(SensorReadingsView sensors, AlertFeed alerts, MachineStatusFeed statuses, HaltlessConfig config) {
        this.config = config;
        HaltlessDashboardChannel dashboard = new HaltlessDashboardChannel(sensors, alerts, statuses);
        this.endpoints = List.of(dashboard.webSocket(WEBSOCKET_PATH), dashboard.sse(SSE_PATH));
        this.heartbeat = new Heartbeat(config.heartbeatInterval(), "heartbeat",
                () -> HaltlessMessages.heartbeat(Instant.now()));
    }

    @Override
    public String name() {
        return "haltless";
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
        return config.idleTimeout();
    }

    @Override
    public Optional<Heartbeat> heartbeat() {
        return Optional.of(heartbeat);
    }

    @Override
    public String inboundError(InboundError error) {
        return HaltlessMessages.error(switch (error) {
        case MESSAGE_TOO_BIG -> "message too large";
        case BINARY_NOT_SUPPORTED -> "binary frames are not supported; send the token as text";
        case RATE_LIMITED -> "rate limited: too many messages from this tenant; slow down";
        });
    }
}
