package io.streamgate.ingest.batch;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits of the batch endpoints. */
@ConfigMapping(prefix = "streamgate.ingest.batch")
public interface BatchConfig {

    /** The most items one request may carry; larger batches are refused whole (split them). */
    @WithDefault("10000")
    int maxItems();
}
