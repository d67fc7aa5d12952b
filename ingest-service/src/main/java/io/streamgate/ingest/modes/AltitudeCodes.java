package io.streamgate.ingest.modes;

/**
 * The Mode S altitude and identity encodings: the 13-bit AC field (DF0/4/16/20), the 12-bit ADS-B
 * altitude (ME bits 9–20, the AC field without its M bit), the 13-bit ID field (DF5/21, TC28) and the
 * Gillham (Mode C, 100 ft) code under all of them when the Q bit is 0. Pure functions, no allocation.
 */
public final class AltitudeCodes {

    /** Returned when a field holds no altitude (all zero, metric, or an illegal Gillham code). */
    public static final int INVALID = Integer.MIN_VALUE;

    private AltitudeCodes() {
    }

    /** Feet from a 13-bit AC field; {@link #INVALID} for no data or metric (M bit) altitudes. */
    public static int ac13(int field) {
        if (field == 0 || (field & 0x40) != 0) {
            return INVALID;
        }
        if ((field & 0x10) != 0) {
            int n = ((field & 0x1F80) >>> 2) | ((field & 0x20) >>> 1) | (field & 0x0F);
            return n * 25 - 1000;
        }
        return gillham(id13ToGillham(field));
    }

    /** Feet from the 12-bit altitude of an airborne position (baro TC 9–18, GNSS TC 20–22). */
    public static int ac12(int field) {
        if (field == 0) {
            return INVALID;
        }
        if ((field & 0x10) != 0) {
            int n = ((field & 0x0FE0) >>> 1) | (field & 0x0F);
            return n * 25 - 1000;
        }
        // Q = 0: insert M = 0 and read the 100 ft Gillham code.
        return ac13(((field & 0x0FC0) << 1) | (field & 0x3F));
    }

    /**
     * Reorders a 13-bit ID (or AC) field, C1 A1 C2 A2 C4 A4 X B1 D1 B2 D2 B4 D4, into the Mode A layout
     * {@code 0xABCD} whose hex digits are the squawk's octal digits.
     */
    public static int id13ToGillham(int field) {
        int hex = 0;
        if ((field & 0x1000) != 0) hex |= 0x0010; // C1
        if ((field & 0x0800) != 0) hex |= 0x1000; // A1
        if ((field & 0x0400) != 0) hex |= 0x0020; // C2
        if ((field & 0x0200) != 0) hex |= 0x2000; // A2
        if ((field & 0x0100) != 0) hex |= 0x0040; // C4
        if ((field & 0x0080) != 0) hex |= 0x4000; // A4
        if ((field & 0x0020) != 0) hex |= 0x0100; // B1
        if ((field & 0x0010) != 0) hex |= 0x0001; // D1
        if ((field & 0x0008) != 0) hex |= 0x0200; // B2
        if ((field & 0x0004) != 0) hex |= 0x0002; // D2
        if ((field & 0x0002) != 0) hex |= 0x0400; // B4
        if ((field & 0x0001) != 0) hex |= 0x0004; // D4
        return hex;
    }

    /** Feet from a Mode A layout ({@code 0xABCD}) read as a Gillham altitude; {@link #INVALID} when illegal. */
    public static int gillham(int modeA) {
        if ((modeA & 0xFFFF8889) != 0 || (modeA & 0xF0) == 0) {
            return INVALID;
        }
        int hundreds = 0;
        if ((modeA & 0x0010) != 0) hundreds ^= 7; // C1
        if ((modeA & 0x0020) != 0) hundreds ^= 3; // C2
        if ((modeA & 0x0040) != 0) hundreds ^= 1; // C4
        if ((hundreds & 5) == 5) {
            hundreds ^= 2;
        }
        if (hundreds > 5) {
            return INVALID;
        }
        int fiveHundreds = 0;
        if ((modeA & 0x0002) != 0) fiveHundreds ^= 0xFF; // D2
        if ((modeA & 0x0004) != 0) fiveHundreds ^= 0x7F; // D4
        if ((modeA & 0x1000) != 0) fiveHundreds ^= 0x3F; // A1
        if ((modeA & 0x2000) != 0) fiveHundreds ^= 0x1F; // A2
        if ((modeA & 0x4000) != 0) fiveHundreds ^= 0x0F; // A4
        if ((modeA & 0x0100) != 0) fiveHundreds ^= 0x07; // B1
        if ((modeA & 0x0200) != 0) fiveHundreds ^= 0x03; // B2
        if ((modeA & 0x0400) != 0) fiveHundreds ^= 0x01; // B4
        if ((fiveHundreds & 1) != 0) {
            hundreds = 6 - hundreds;
        }
        return (fiveHundreds * 5 + hundreds - 13) * 100;
    }
}
