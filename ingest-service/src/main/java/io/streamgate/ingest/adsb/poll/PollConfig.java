package io.streamgate.ingest.adsb.poll;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.streamgate.platform.identity.Identity;

/** Polling receivers that serve {@code aircraft.json} over HTTP (readsb, dump1090-fa, tar1090). */
@ConfigMapping(prefix = "streamgate.ingest.adsb.poll")
public interface PollConfig {

    /**
     * The receivers' {@code aircraft.json} URLs, comma separated, such as
     * {@code http://piaware.local/skyaware/data/aircraft.json}. None: polling is off. User info in a URL
     * is sent as HTTP Basic credentials and never logged.
     */
    Optional<List<String>> urls();

    /** Time between two polls of one receiver; receivers rewrite the file about once a second. */
    @WithDefault("1s")
    Duration interval();

    /** Connect and response timeout of one poll; a receiver slower than this counts as unreachable. */
    @WithDefault("5s")
    Duration timeout();

    /** Largest body read from a receiver (a few hundred aircraft are well under 1 MiB). */
    @WithDefault("10485760")
    int maxBodyBytes();

    /** The tenant that owns polled positions: a poll has no caller to take it from. */
    @WithDefault(Identity.DEFAULT_TENANT)
    String tenant();
}
