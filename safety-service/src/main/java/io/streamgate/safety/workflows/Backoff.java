package io.streamgate.safety.workflows;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential back-off with full jitter: before attempt {@code n + 1} the runner waits a uniformly random part
 * of {@code min(max, base · 2^(n-1))}. Spreading the retries over the whole interval keeps many deliveries that
 * failed together (a receiver restart) from coming back together. The random source is given, so tests can fix
 * it.
 */
public final class Backoff {

    private final Duration base;
    private final Duration max;
    private final DoubleSupplier random;

    /** @param random values in [0, 1) */
    public Backoff(Duration base, Duration max, DoubleSupplier random) {
        this.base = base;
        this.max = max;
        this.random = random;
    }

    /** The wait after failed attempt {@code attempt} (from 1). */
    public Duration after(int attempt) {
        return Duration.ofMillis(Math.round(random.getAsDouble() * ceiling(attempt).toMillis()));
    }

    /** The longest wait after {@code attempt}. */
    public Duration ceiling(int attempt) {
        long baseMs = base.toMillis();
        int doublings = Math.min(Math.max(attempt - 1, 0), 40);
        long ceiling = baseMs > (Long.MAX_VALUE >> doublings) ? Long.MAX_VALUE : baseMs << doublings;
        return Duration.ofMillis(Math.min(ceiling, max.toMillis()));
    }
}
