package io.streamgate.ingest.modes.framing;

/**
 * The AVR text format (dump1090 / readsb raw output, TCP 30002): {@code *<hex>;} and, with the 12 MHz
 * counter first, {@code @<12 hex><hex>;}; the payload is 4, 14 or 28 hex digits (Mode A/C, short, long).
 * Line ends and spaces between frames are ignored; anything else outside a frame is skipped, and a frame
 * with a bad character or length is counted and dropped. Not thread-safe; allocation-free.
 */
public final class AvrFramer implements Framer {

    private static final int TIMESTAMP_DIGITS = 12;
    private static final int MAX_DIGITS = TIMESTAMP_DIGITS + 28;

    private final FrameSink sink;
    private final byte[] payload = new byte[14];
    private boolean inFrame;
    private boolean timestamped;
    private int digits;
    private long timestamp;
    private int pending;
    private long frames;
    private long malformed;
    private long skipped;

    public AvrFramer(FrameSink sink) {
        this.sink = sink;
    }

    @Override
    public void feed(byte[] chunk, int offset, int length) {
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            int b = chunk[i] & 0xFF;
            if (b == '*' || b == '@') {
                if (inFrame) {
                    malformed++; // a frame start inside a frame: the previous one was cut short
                }
                start(b == '@');
            } else if (!inFrame) {
                if (b != '\n' && b != '\r' && b != ' ' && b != '\t') {
                    skipped++;
                }
            } else if (b == ';') {
                end();
            } else {
                int nibble = Character.digit(b, 16);
                if (nibble < 0 || digits == MAX_DIGITS) {
                    malformed++;
                    inFrame = false;
                } else {
                    digit(nibble);
                }
            }
        }
    }

    private void start(boolean withTimestamp) {
        inFrame = true;
        timestamped = withTimestamp;
        digits = 0;
        timestamp = 0;
    }

    private void digit(int nibble) {
        if (timestamped && digits < TIMESTAMP_DIGITS) {
            timestamp = (timestamp << 4) | nibble;
        } else {
            int index = digits - (timestamped ? TIMESTAMP_DIGITS : 0);
            if (index >= 28) {
                malformed++;
                inFrame = false;
                return;
            }
            if ((index & 1) == 0) {
                pending = nibble;
            } else {
                payload[index >> 1] = (byte) ((pending << 4) | nibble);
            }
        }
        digits++;
    }

    private void end() {
        inFrame = false;
        int hex = digits - (timestamped ? TIMESTAMP_DIGITS : 0);
        if (hex != 4 && hex != 14 && hex != 28) {
            malformed++;
            return;
        }
        frames++;
        sink.frame(payload, 0, hex / 2, timestamped ? timestamp : 0, -1);
    }

    @Override
    public long frames() {
        return frames;
    }

    @Override
    public long malformed() {
        return malformed;
    }

    @Override
    public long skippedBytes() {
        return skipped;
    }

    @Override
    public void reset() {
        if (inFrame) {
            malformed++;
        }
        inFrame = false;
    }
}
