package io.streamgate.platform.kafka;

import java.time.Duration;

/**
 * Where a broadcast reader starts in a topic: from the beginning (compacted state topics, read whole), or a
 * look-back window back from now (high-rate topics, where only recent records make current state).
 */
public sealed interface StartPosition {

    record Earliest() implements StartPosition {
    }

    /** The first record written at or after {@code window} ago; the end when there is none. */
    record Lookback(Duration window) implements StartPosition {
    }

    static StartPosition earliest() {
        return new Earliest();
    }

    static StartPosition lookback(Duration window) {
        return new Lookback(window);
    }
}
