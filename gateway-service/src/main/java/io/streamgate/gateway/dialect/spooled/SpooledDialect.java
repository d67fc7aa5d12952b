package io.streamgate.gateway.dialect.spooled;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import jakarta.enterprise.context.ApplicationScoped;

import io.streamgate.gateway.dialect.CloseCodes;
import io.streamgate.gateway.dialect.Dialect;
import io.streamgate.gateway.dialect.Endpoint;
import io.streamgate.gateway.dialect.Heartbeat;
import io.streamgate.gateway.dialect.InboundError;
import io.streamgate.gateway.health.SystemHealthView;
import io.streamgate.gateway.jobs.JobEventFeed;
import io.streamgate.gateway.jobs.WorkerEventFeed;
import io.streamgate.gateway.stats.StatsView;

/**
 * Spooled (job queues): WebSocket {@code /api/v1/ws?token=…} and the SSE streams under {@code /api/v1/events},
 * with the credential checked before the upgrade (401 for a missing, bad, expired or revoked one, 429 over
 * the tenant's connection limit, 400 for a queue filter Spooled would refuse). The API-key login is
 * {@code POST /api/v1/auth/login}; refresh the gateway's shared {@code POST /api/v1/auth/refresh}.
 */
@ApplicationScoped
public class SpooledDialect implements Dialect {

    /**
     * Spooled's server refuses on the handshake and otherwise ends connections without naming codes, so
     * these are the codes its SDKs reconnect on: 4001 for a token that ran out or a key revoked while
     * connected (the SDKs mint a fresh token on every reconnect), 4000 idle, 1013 slow consumer (retry later),
     * 1008 policy, 1009 message too big, 1001 going away.
     */
    private static final CloseCodes CODES = new CloseCodes(4001, 4001, 4000, 1013, 1008, 1009, 1001);

    private final List<Endpoint> endpoints;
    private final SpooledConfig config;
    private final Heartbeat ping;

    SpooledDialect(JobEventFeed jobs, WorkerEventFeed workers, StatsView stats, SystemHealthView health,
            SpooledConfig config) {
        this.config = config;
        this.endpoints = new SpooledChannels(jobs, workers, stats, health).endpoints();
        this.ping = new Heartbeat(config.pingInterval(), "ping", () -> SpooledMessages.ping(Instant.now()));
    }

    @Override
    public String name() {
        return "spooled";
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
        return Optional.of(ping);
    }

    @Override
    public OptionalInt connectionsPerTenant() {
        return OptionalInt.of(config.maxConnectionsPerTenant());
    }

    @Override
    public String inboundError(InboundError error) {
        return SpooledMessages.error(switch (error) {
        case MESSAGE_TOO_BIG -> "Message too large";
        case BINARY_NOT_SUPPORTED -> "Binary frames are not supported; send JSON commands as text";
        case RATE_LIMITED -> "Rate limited: too many commands from this organisation; slow down";
        });
    }
}
