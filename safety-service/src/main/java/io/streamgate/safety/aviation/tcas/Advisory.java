package io.streamgate.safety.aviation.tcas;

/** What a TCAS II-like check concludes for a pair, in increasing order of urgency. */
public enum Advisory {
    NONE,
    /** Traffic advisory. */
    TA,
    /** Resolution advisory. */
    RA;

    public Advisory max(Advisory other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
