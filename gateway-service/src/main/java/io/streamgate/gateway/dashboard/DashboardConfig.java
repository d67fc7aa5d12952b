package io.streamgate.gateway.dashboard;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** The live dashboard at {@code GET /}. */
@ConfigMapping(prefix = "streamgate.dashboard")
public interface DashboardConfig {

    /**
     * A raster tile URL template ({@code https://tiles.example/{z}/{x}/{y}.png}) drawn under the aircraft
     * map; unset, the page draws its bundled outline only, so it works with no internet. A page's
     * {@code ?tiles=} overrides it.
     */
    Optional<String> tileUrl();
}
