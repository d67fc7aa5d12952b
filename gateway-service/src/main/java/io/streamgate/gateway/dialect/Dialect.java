package io.streamgate.gateway.dialect;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One product's client API over the engine. Implementations are CDI beans; the transports find every
 * one at start-up and serve its endpoints.
 */
public interface Dialect {

    /** For logs and metrics: {@code skyspy}, {@code geonicdb}, … */
    String name();

    List<Endpoint> endpoints();

    CloseCodes closeCodes();

    /** A WebSocket client that sends nothing (no frame, no pong) for this long is closed. */
    Duration heartbeatTimeout();

    /**
     * The message a WebSocket client gets before the transport refuses its frame, in the product's
     * spelling; null to close (or ignore) without one.
     */
    String inboundError(InboundError error);

    /** The product's own heartbeat message, if its clients expect one; none by default. */
    default Optional<Heartbeat> heartbeat() {
        return Optional.empty();
    }

    /**
     * How many connections (WebSocket and SSE together) one tenant may hold open to this dialect on one
     * gateway replica, where the product documents a limit of its own; the next is refused with {@code 429}
     * (or, for a WebSocket admitted after its upgrade, closed with 1013 "try again later"). None by default:
     * only the tenant's limit across all dialects ({@code streamgate.gateway.tenants.max-connections}) applies.
     */
    default OptionalInt connectionsPerTenant() {
        return OptionalInt.empty();
    }
}
