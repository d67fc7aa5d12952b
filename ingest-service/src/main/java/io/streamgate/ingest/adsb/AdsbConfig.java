package io.streamgate.ingest.adsb;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** What every aviation feed (POST, polling, SBS) applies to the positions it writes. */
@ConfigMapping(prefix = "streamgate.ingest.adsb")
public interface AdsbConfig {

    /**
     * A position whose {@code seen_pos} is over this is still written, with {@code stale: true}:
     * dump1090-fa keeps listing an aircraft for ~5 min after its last fix, and safety checks that trust
     * such positions raise false alarms.
     */
    @WithDefault("15s")
    Duration staleAfter();
}
