package io.streamgate.ingest.modes;

/**
 * The ICAO addresses heard recently in frames that carry their address in clear (DF11, DF17, DF18). A
 * reply whose address is only recoverable from its parity (DF0/4/5/16/20/21) is believed only when that
 * address is here: any bit error in such a frame yields a different, random address, a phantom aircraft.
 *
 * <p>Two tables, as dump1090 does it: addresses go into the current one, lookups read both, and every
 * {@code expiry} the older is cleared and becomes current, so an address lives between one and two
 * expiry periods after it was last heard. Fixed size, no allocation; not thread-safe.
 */
public final class IcaoFilter {

    private static final int SLOTS = 1 << 13;
    private static final int MAX_PROBES = 64;

    private final long expiryMillis;
    private int[] current = new int[SLOTS];
    private int[] previous = new int[SLOTS];
    private long currentSince = Long.MIN_VALUE;

    /** @param expiryMillis how long an address is remembered at least after it was last heard */
    public IcaoFilter(long expiryMillis) {
        if (expiryMillis <= 0) {
            throw new IllegalArgumentException("the ICAO filter expiry must be positive");
        }
        this.expiryMillis = expiryMillis;
    }

    /** Remembers an address heard in clear at {@code nowMillis}. */
    public void seen(int address, long nowMillis) {
        rotate(nowMillis);
        int key = address | 0x1000000; // 0 marks an empty slot, and 000000 is a (bogus but) possible address
        int slot = slot(address);
        for (int probe = 0; probe < MAX_PROBES; probe++) {
            int held = current[slot];
            if (held == key) {
                return;
            }
            if (held == 0) {
                current[slot] = key;
                return;
            }
            slot = (slot + 1) & (SLOTS - 1);
        }
        // The neighbourhood is full (thousands of aircraft): the address is not remembered this round.
    }

    /** True when the address was heard in clear within the expiry. */
    public boolean contains(int address, long nowMillis) {
        rotate(nowMillis);
        return find(current, address) || find(previous, address);
    }

    private boolean find(int[] table, int address) {
        int key = address | 0x1000000;
        int slot = slot(address);
        for (int probe = 0; probe < MAX_PROBES; probe++) {
            int held = table[slot];
            if (held == key) {
                return true;
            }
            if (held == 0) {
                return false;
            }
            slot = (slot + 1) & (SLOTS - 1);
        }
        return false;
    }

    private void rotate(long nowMillis) {
        if (currentSince == Long.MIN_VALUE) {
            currentSince = nowMillis;
            return;
        }
        if (nowMillis - currentSince < expiryMillis) {
            return;
        }
        int[] older = previous;
        java.util.Arrays.fill(older, 0);
        if (nowMillis - currentSince >= 2 * expiryMillis) {
            java.util.Arrays.fill(current, 0); // silent for two periods: everything is gone
        }
        previous = current;
        current = older;
        currentSince = nowMillis;
    }

    private static int slot(int address) {
        return ((address * 0x9E3779B1) >>> 19) & (SLOTS - 1);
    }
}
