package io.streamgate.ingest.modes.input;

/**
 * Drops a frame whose exact bytes were already seen within a short window: the same transmission heard by
 * two receivers of one tenant. Keyed by a 64-bit hash of the bytes in a fixed open-addressing table whose
 * entries expire by time, so nothing is allocated per frame. A table crowded beyond its probe limit
 * overwrites the oldest entry it probed: at worst a duplicate passes, never is a new frame dropped by a
 * stale entry. Not thread-safe.
 */
final class FrameDeduplicator {

    private static final int SLOTS = 1 << 16;
    private static final int PROBES = 8;

    private final long windowMillis;
    private final long[] hashes = new long[SLOTS];
    private final long[] seenAt = new long[SLOTS];

    FrameDeduplicator(long windowMillis) {
        this.windowMillis = windowMillis;
    }

    /** True when the frame is new (and remembers it), false when it is a duplicate within the window. */
    boolean firstSighting(byte[] bytes, int offset, int length, long nowMillis) {
        if (windowMillis <= 0) {
            return true;
        }
        long hash = hash(bytes, offset, length);
        int slot = (int) (hash >>> 48) & (SLOTS - 1);
        int oldest = slot;
        for (int probe = 0; probe < PROBES; probe++) {
            int i = (slot + probe) & (SLOTS - 1);
            if (hashes[i] == hash && seenAt[i] != 0 && nowMillis - seenAt[i] < windowMillis) {
                return false;
            }
            if (seenAt[i] < seenAt[oldest]) {
                oldest = i; // an empty slot (0) or the one seen longest ago
            }
        }
        hashes[oldest] = hash;
        seenAt[oldest] = nowMillis == 0 ? 1 : nowMillis;
        return true;
    }

    /** FNV-1a, then a final mix so that the table index (top bits) is well spread. */
    private static long hash(byte[] bytes, int offset, int length) {
        long h = 0xcbf29ce484222325L ^ length;
        for (int i = offset; i < offset + length; i++) {
            h ^= bytes[i] & 0xFF;
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }
}
