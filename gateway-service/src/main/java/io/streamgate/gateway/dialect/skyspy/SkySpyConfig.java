package io.streamgate.gateway.dialect.skyspy;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** SkySpy's documented defaults; the batch window itself is the engine tick. */
@ConfigMapping(prefix = "streamgate.skyspy")
public interface SkySpyConfig {

    Batch batch();

    interface Batch {
        /** At most this many messages in one {@code batch} frame. */
        @WithDefault("50")
        int maxMessages();

        /** At most this many bytes in one {@code batch} frame. */
        @WithDefault("1048576")
        int maxBytes();
    }
}
