package io.streamgate.safety.workflows;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void theCeilingDoublesPerAttemptUpToTheMaximum() {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(10), () -> 0.5);
        assertEquals(List.of(1_000L, 2_000L, 4_000L, 8_000L, 10_000L, 10_000L),
                IntStream.rangeClosed(1, 6).mapToObj(a -> backoff.ceiling(a).toMillis()).toList());
        assertEquals(Duration.ofSeconds(10), backoff.ceiling(200), "no overflow on many attempts");
    }

    @Test
    void fullJitterTakesTheRandomShareOfTheCeiling() {
        double[] draws = {0.0, 0.25, 0.999};
        int[] next = {0};
        Backoff backoff = new Backoff(Duration.ofMillis(400), Duration.ofMinutes(5), () -> draws[next[0]++]);
        assertEquals(Duration.ZERO, backoff.after(1));
        assertEquals(Duration.ofMillis(200), backoff.after(2));
        assertEquals(Duration.ofMillis(1598), backoff.after(3));
    }
}
