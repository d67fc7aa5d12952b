package io.streamgate.gateway.engine;

import java.time.Duration;

/**
 * Where a view starts reading its topic: from the beginning (compacted state topics), or from a
 * look-back window of a high-rate topic (only recent records matter for current state).
 */
public sealed interface StartPosition {

    record Earliest() implements StartPosition {
    }

    record Lookback(Duration window) implements StartPosition {
    }

    static StartPosition earliest() {
        return new Earliest();
    }

    static StartPosition lookback(Duration window) {
        return new Lookback(window);
    }
}
