package io.streamgate.stats.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void nearestRankOverOneToHundred() {
        Percentiles p = new Percentiles(LongStream.rangeClosed(1, 100).map(i -> 101 - i).toArray());
        assertEquals(50, p.at(50));
        assertEquals(95, p.at(95));
        assertEquals(99, p.at(99));
        assertEquals(100, p.at(100));
        assertEquals(1, p.at(0));
    }

    @Test
    void aSingleSampleIsEveryPercentile() {
        Percentiles p = new Percentiles(new long[] {42});
        assertEquals(42, p.at(50));
        assertEquals(42, p.at(99));
    }

    @Test
    void noSamplesHaveNoPercentiles() {
        Percentiles p = new Percentiles(new long[0]);
        assertTrue(p.isEmpty());
        assertThrows(IllegalStateException.class, () -> p.at(50));
    }
}
