package io.streamgate.ingest.adsb.sbs;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.streamgate.platform.identity.Identity;

/** SBS-1 BaseStation feeds: CSV lines from dump1090 / readsb on TCP port 30003. */
@ConfigMapping(prefix = "streamgate.ingest.adsb.sbs")
public interface SbsConfig {

    /** Feeders to connect to, comma separated {@code host:port} ({@code [::1]:30003} for IPv6). None: SBS is off. */
    Optional<List<String>> feeders();

    /** Wait before the first reconnect after a failure; doubled on every further failure. */
    @WithDefault("1s")
    Duration reconnectInitialDelay();

    /** The longest wait between two connection attempts. */
    @WithDefault("60s")
    Duration reconnectMaxDelay();

    @WithDefault("5s")
    Duration connectTimeout();

    /**
     * A connection that delivers nothing for this long is dropped and opened again, which is how a
     * half-open TCP connection (feeder rebooted, NAT forgot us) is noticed. An empty sky sends nothing
     * either, so this reconnects every so often there: harmless.
     */
    @WithDefault("120s")
    Duration idleTimeout();

    /**
     * The zone of the SBS date and time fields. dump1090 writes the receiver host's local time without
     * saying which zone that is, so set this to that host's zone (such as {@code Europe/London}) unless it
     * runs on UTC. Only event time ({@code timestamp}, {@code ce_time}) depends on it; staleness and
     * expiry use ingest's clock.
     */
    @WithDefault("UTC")
    String timeZone();

    /** An aircraft not heard for this long is forgotten: its callsign and squawk are not merged into a later fix. */
    @WithDefault("60s")
    Duration aircraftTimeout();

    /** Aircraft remembered per feeder; beyond it the one heard least recently is forgotten first. */
    @WithDefault("10000")
    int maxAircraft();

    /** Longer lines are skipped and counted as rejected (SBS lines are ~150 bytes). */
    @WithDefault("1024")
    int maxLineLength();

    /** Most positions per Kafka write; a batch is written as soon as the socket has no more buffered lines. */
    @WithDefault("500")
    int batchSize();

    /** The tenant that owns SBS positions: a TCP feed has no caller to take it from. */
    @WithDefault(Identity.DEFAULT_TENANT)
    String tenant();
}
