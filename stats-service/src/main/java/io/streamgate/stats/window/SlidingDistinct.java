package io.streamgate.stats.window;

import java.util.HashMap;
import java.util.Map;

/** How many distinct members (aircraft, …) were seen in the last minute, by receive time. */
final class SlidingDistinct {

    private final Map<String, Long> lastSeen = new HashMap<>();

    synchronized void add(String member, long epochMillis) {
        lastSeen.merge(member, epochMillis, Math::max);
    }

    synchronized long count(long epochMillis) {
        long cutoff = epochMillis - SlidingCount.SECONDS * 1000L;
        lastSeen.values().removeIf(seen -> seen <= cutoff);
        return lastSeen.size();
    }
}
