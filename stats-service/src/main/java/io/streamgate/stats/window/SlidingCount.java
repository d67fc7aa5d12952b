package io.streamgate.stats.window;

/**
 * A count over the last minute in one-second buckets. Receive time (the service clock), not event time:
 * "messages per second" is how fast records arrive now, whatever their timestamps say.
 */
final class SlidingCount {

    static final int SECONDS = 60;

    private final long[] counts = new long[SECONDS];
    private final long[] stamps = new long[SECONDS];

    synchronized void add(long epochMillis, long n) {
        long second = epochMillis / 1000;
        int slot = (int) Math.floorMod(second, (long) SECONDS);
        if (stamps[slot] != second) {
            stamps[slot] = second;
            counts[slot] = 0;
        }
        counts[slot] += n;
    }

    /** The count of the 60 seconds ending with the one holding {@code epochMillis}. */
    synchronized long sum(long epochMillis) {
        long now = epochMillis / 1000;
        long total = 0;
        for (int i = 0; i < SECONDS; i++) {
            if (stamps[i] > now - SECONDS && stamps[i] <= now) {
                total += counts[i];
            }
        }
        return total;
    }
}
