package io.streamgate.ingest.modes;

/**
 * The Mode S parity: CRC-24 with generator {@code 0x1FFF409}, a byte at a time from a 256-entry table.
 * The residue of a frame is the CRC of its data bits XOR its 24 parity bits: zero for a clean DF11 (with
 * interrogator 0) and DF17/18; the transmitter's address (DF0/4/5/16/20/21) or the interrogator code
 * (DF11) otherwise.
 *
 * <p>Single-bit errors are located through a syndrome table: a one-bit error at position {@code i} gives
 * the residue {@code syndrome(i)} whatever the rest of the frame, because the CRC is linear.
 */
public final class Crc24 {

    private static final int GENERATOR = 0xFFF409;
    private static final int[] TABLE = new int[256];
    /** Open addressing, syndrome → bit index + 1 (0 empty), for 112-bit frames. */
    private static final int SLOTS = 512;
    private static final int[] SYNDROME_KEYS = new int[SLOTS];
    private static final byte[] SYNDROME_BITS = new byte[SLOTS];

    static {
        for (int i = 0; i < 256; i++) {
            int c = i << 16;
            for (int bit = 0; bit < 8; bit++) {
                c = (c & 0x800000) != 0 ? (c << 1) ^ GENERATOR : c << 1;
            }
            TABLE[i] = c & 0xFFFFFF;
        }
        byte[] frame = new byte[14];
        for (int bit = 0; bit < 112; bit++) {
            frame[bit >> 3] = (byte) (0x80 >>> (bit & 7));
            int syndrome = residue(frame, 0, 14);
            frame[bit >> 3] = 0;
            int slot = slot(syndrome);
            while (SYNDROME_BITS[slot] != 0) {
                slot = (slot + 1) & (SLOTS - 1);
            }
            SYNDROME_KEYS[slot] = syndrome;
            SYNDROME_BITS[slot] = (byte) (bit + 1);
        }
    }

    private Crc24() {
    }

    /** The residue of the {@code length}-byte frame at {@code offset} (7 or 14 bytes). */
    public static int residue(byte[] frame, int offset, int length) {
        int crc = 0;
        int data = offset + length - 3;
        for (int i = offset; i < data; i++) {
            crc = TABLE[((crc >>> 16) ^ frame[i]) & 0xFF] ^ (crc << 8);
        }
        int parity = ((frame[data] & 0xFF) << 16) | ((frame[data + 1] & 0xFF) << 8) | (frame[data + 2] & 0xFF);
        return (crc ^ parity) & 0xFFFFFF;
    }

    /**
     * The bit (0 = first bit of the frame) whose flip in a 112-bit frame gives this residue, or -1 when
     * no single-bit error does.
     */
    public static int singleBitError(int residue) {
        int slot = slot(residue);
        while (true) {
            int bit = SYNDROME_BITS[slot];
            if (bit == 0) {
                return -1;
            }
            if (SYNDROME_KEYS[slot] == residue) {
                return bit - 1;
            }
            slot = (slot + 1) & (SLOTS - 1);
        }
    }

    /** Writes the parity that makes the frame's residue {@code address} (0 for DF17/18): for tests and tools. */
    public static void seal(byte[] frame, int offset, int length, int address) {
        int data = offset + length - 3;
        frame[data] = 0;
        frame[data + 1] = 0;
        frame[data + 2] = 0;
        int parity = residue(frame, offset, length) ^ address;
        frame[data] = (byte) (parity >>> 16);
        frame[data + 1] = (byte) (parity >>> 8);
        frame[data + 2] = (byte) parity;
    }

    private static int slot(int syndrome) {
        return ((syndrome * 0x9E3779B1) >>> 23) & (SLOTS - 1);
    }
}
