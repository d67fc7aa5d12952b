package io.streamgate.devstack;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for a condition with a deadline, polling; the one way devstack waits. */
public final class Deadline {

    private Deadline() {
    }

    /**
     * Polls {@code condition} until it holds or {@code timeout} passes.
     *
     * @throws IllegalStateException naming {@code what} when the deadline passes first
     */
    public static void await(String what, Duration timeout, BooleanSupplier condition) {
        long end = System.nanoTime() + timeout.toNanos();
        long pauseMillis = 20;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            try {
                Thread.sleep(pauseMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + what, e);
            }
            pauseMillis = Math.min(pauseMillis * 2, 250);
        }
    }
}
