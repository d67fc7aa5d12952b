package io.streamgate.stats.jobs;

import java.util.Arrays;

/** Nearest-rank percentiles of a sample. */
public final class Percentiles {

    private final long[] sorted;

    public Percentiles(long[] samples) {
        this.sorted = samples.clone();
        Arrays.sort(sorted);
    }

    public boolean isEmpty() {
        return sorted.length == 0;
    }

    public int size() {
        return sorted.length;
    }

    /** The smallest sample with at least {@code p} % of the samples at or below it. */
    public long at(double p) {
        if (sorted.length == 0) {
            throw new IllegalStateException("no samples");
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
