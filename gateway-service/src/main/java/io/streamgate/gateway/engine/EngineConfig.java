package io.streamgate.gateway.engine;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** The fan-out engine's limits and timings. */
@ConfigMapping(prefix = "streamgate.gateway.engine")
public interface EngineConfig {

    /**
     * How often conflated updates of a keyed-state view are shipped to the codecs that name no batch
     * window of their own. Updates to one key within a tick collapse to the latest. SkySpy's window is
     * its own setting, {@code streamgate.skyspy.batch.window}.
     */
    @WithDefault("200ms")
    Duration tick();

    /**
     * The most bytes a session may have written but not yet flushed to its socket. Past it,
     * conflatable updates are skipped for that session and it is resynchronised with a snapshot once
     * it drains; other sessions are not affected.
     */
    @WithDefault("1048576")
    int sessionBufferBytes();

    /**
     * How long a close may wait to reach a client that stopped reading. The close (a WebSocket close frame,
     * an SSE stream's last event) queues behind the bytes the client has not taken, so without a limit its
     * connection, socket buffers and budget stay for as long as the client stays frozen. A client that reads
     * again within this gets its close code; past it the TCP connection is dropped, which a WebSocket client
     * reports as 1006 and an EventSource as an error — both retried by every client library, resuming from
     * the last event id. {@code 0s}: never dropped.
     */
    @WithDefault("10s")
    Duration unreadCloseTimeout();

    /**
     * The most unflushed bytes all sessions together may hold, counted per socket; unset, half the
     * maximum heap. Fan-out frames share their bytes, but replies, snapshots and small frames (which
     * the WebSocket encoder merges with their header) are a copy per socket, so without this cap many
     * slightly slow clients could exhaust memory; past it, sessions are treated as if their own buffer
     * were full (skipped, then resynced).
     */
    java.util.Optional<Long> totalBufferBytes();

    /**
     * The most sessions resynchronised with a snapshot per tick. A snapshot is many times one tick's
     * changes, so after a stall the parked sessions are brought back a bounded number at a time.
     */
    @WithDefault("200")
    int maxResyncsPerTick();

    /**
     * The most frame writes an event loop runs in one go before it turns back to reading its sockets.
     * A fan-out to thousands of sockets is a long burst; without turns, a loop busy writing would not
     * read the pongs and requests of its clients until the burst ended.
     */
    @WithDefault("256")
    @WithName("writes-per-turn")
    int writesPerTurn();

    /**
     * How far back the engine reads high-rate topics at start to warm its views (aircraft seen within
     * this window appear in the first snapshot).
     */
    @WithDefault("5m")
    Duration warmupLookback();

    /** How often subscribed clients get a heartbeat (SkySpy's {@code aircraft:heartbeat}: 5 s). */
    @WithDefault("5s")
    Duration heartbeat();

    /** Kafka poll timeout of the broadcast consumer. */
    @WithDefault("100ms")
    Duration pollTimeout();
}
