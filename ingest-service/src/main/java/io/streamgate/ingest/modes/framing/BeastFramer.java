package io.streamgate.ingest.modes.framing;

/**
 * The Beast binary format of dump1090 / readsb (TCP 30005): {@code 0x1a}, a type byte ({@code '1'} Mode
 * A/C, {@code '2'} Mode S short, {@code '3'} Mode S long), a 6-byte big-endian 12 MHz counter, a signal
 * byte and the payload, with every {@code 0x1a} after the type doubled. A lone {@code 0x1a} inside a frame
 * is the start of the next one: the broken frame is counted and dropped, and framing goes on from there.
 * Not thread-safe; allocation-free.
 */
public final class BeastFramer implements Framer {

    private static final int ESCAPE = 0x1a;
    private static final int HEADER = 7; // timestamp and signal

    private enum State { HUNT, TYPE, BODY, BODY_ESCAPE }

    private final FrameSink sink;
    private final byte[] body = new byte[HEADER + 14];
    private State state = State.HUNT;
    private int expected;
    private int filled;
    private long frames;
    private long malformed;
    private long skipped;

    public BeastFramer(FrameSink sink) {
        this.sink = sink;
    }

    @Override
    public void feed(byte[] chunk, int offset, int length) {
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            int b = chunk[i] & 0xFF;
            switch (state) {
                case HUNT -> {
                    if (b == ESCAPE) {
                        state = State.TYPE;
                    } else {
                        skipped++;
                    }
                }
                case TYPE -> type(b);
                case BODY -> {
                    if (b == ESCAPE) {
                        state = State.BODY_ESCAPE;
                    } else {
                        append(b);
                    }
                }
                case BODY_ESCAPE -> {
                    if (b == ESCAPE) {
                        state = State.BODY;
                        append(b);
                    } else {
                        malformed++; // the 0x1a began a new frame: this one was cut short
                        type(b);
                    }
                }
            }
        }
    }

    private void type(int b) {
        int payload = switch (b) {
            case '1' -> 2;
            case '2' -> 7;
            case '3' -> 14;
            default -> -1;
        };
        if (payload < 0) {
            // Not a frame start (an unknown type, or a doubled 0x1a out of frame): skip both bytes.
            skipped += 2;
            state = State.HUNT;
            return;
        }
        expected = HEADER + payload;
        filled = 0;
        state = State.BODY;
    }

    private void append(int b) {
        body[filled++] = (byte) b;
        if (filled == expected) {
            long timestamp = 0;
            for (int i = 0; i < 6; i++) {
                timestamp = (timestamp << 8) | (body[i] & 0xFF);
            }
            frames++;
            state = State.HUNT;
            sink.frame(body, HEADER, expected - HEADER, timestamp, body[6] & 0xFF);
        }
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
        if (state == State.BODY || state == State.BODY_ESCAPE) {
            malformed++;
        }
        state = State.HUNT;
    }
}
