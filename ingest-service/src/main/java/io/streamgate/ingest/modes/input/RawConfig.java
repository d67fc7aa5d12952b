package io.streamgate.ingest.modes.input;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.streamgate.platform.identity.Identity;

/**
 * Raw Mode S inputs: receivers' Beast (TCP 30005) or AVR (TCP 30002) streams, decoded by ingest itself.
 * Each receiver is either dialled ({@code connect}) or listened for ({@code listen-port}, receivers push,
 * as {@code readsb --net-connector} does).
 */
@ConfigMapping(prefix = "streamgate.ingest.raw")
public interface RawConfig {

    /** Off unless set: raw decoding is opt-in. */
    @WithDefault("false")
    boolean enabled();

    /** The receivers by name (the name tags metrics and logs): {@code streamgate.ingest.raw.receivers.<name>.*}. */
    Map<String, Receiver> receivers();

    interface Receiver {

        /** {@code host:port} to dial (ingest is the client); exclusive with {@code listen-port}. */
        Optional<String> connect();

        /** Port to listen on for this receiver's pushed stream (ingest is the server). */
        Optional<Integer> listenPort();

        /** Interface the listener binds. */
        @WithDefault("0.0.0.0")
        String listenHost();

        /** {@code beast} or {@code avr}. */
        @WithDefault("beast")
        String format();

        /** The tenant that owns this receiver's aircraft; receivers of one tenant are de-duplicated together. */
        @WithDefault(Identity.DEFAULT_TENANT)
        String tenant();

        /** Receiver latitude, degrees: the reference for surface and single-message positions and the range check. */
        Optional<Double> lat();

        /** Receiver longitude, degrees. */
        Optional<Double> lon();
    }

    /** Wait before the first reconnect of a dialled receiver; doubled after every further failure. */
    @WithDefault("1s")
    Duration reconnectInitialDelay();

    /** The longest wait between two connection attempts. */
    @WithDefault("60s")
    Duration reconnectMaxDelay();

    @WithDefault("5s")
    Duration connectTimeout();

    /** A connection that delivers nothing for this long is closed (and a dialled one opened again). */
    @WithDefault("60s")
    Duration idleTimeout();

    /**
     * A frame whose bytes a receiver of the same tenant delivered within this window is a duplicate (the same
     * transmission heard twice) and is dropped.
     */
    @WithDefault("1s")
    Duration dedupWindow();

    /** Repair one flipped bit of a DF17/18, as readsb does by default. */
    @WithDefault("true")
    boolean correctSingleBit();

    /** How long an address heard in DF11/17/18 vouches for replies that carry it only in their parity. */
    @WithDefault("60s")
    Duration icaoFilterExpiry();

    /** A position further from its receiver is rejected; at most 180 NM also enables single-message fixes. */
    @WithDefault("300")
    double maxRangeNm();

    /** A fix implying a faster move from the aircraft's previous fix is rejected. */
    @WithDefault("1200")
    double maxSpeedKt();

    /** At most one position per aircraft per this interval goes to {@code aircraft.positions}. */
    @WithDefault("1s")
    Duration minPositionInterval();

    /** An aircraft not heard for this long is forgotten. */
    @WithDefault("300s")
    Duration aircraftTimeout();

    /** Positions and advisories waiting for Kafka; beyond this they are dropped (and counted). */
    @WithDefault("20000")
    int maxPending();

    /** Most records per Kafka write. */
    @WithDefault("500")
    int batchSize();
}
