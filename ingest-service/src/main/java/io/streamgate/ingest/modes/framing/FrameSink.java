package io.streamgate.ingest.modes.framing;

/** Receives the frames a framer finds; the bytes are the framer's buffer, valid only during the call. */
@FunctionalInterface
public interface FrameSink {

    /**
     * @param payload        2 bytes (Mode A/C), 7 (Mode S short) or 14 (Mode S long) at {@code offset}
     * @param timestamp12MHz the receiver's 12 MHz counter, 0 when the input has none
     * @param signal         signal level 0–255, -1 when the input has none
     */
    void frame(byte[] payload, int offset, int length, long timestamp12MHz, int signal);
}
