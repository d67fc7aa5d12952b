package io.streamgate.ingest.modes.framing;

/**
 * Cuts a byte stream, delivered in arbitrary chunks, into frames. Never throws on content: bytes that do
 * not frame are counted and skipped, and the framer resynchronises on the next frame start.
 */
public interface Framer {

    void feed(byte[] chunk, int offset, int length);

    /** Frames delivered to the sink. */
    long frames();

    /** Frames started but broken off (truncated, bad character, wrong length) and dropped. */
    long malformed();

    /** Bytes skipped while looking for a frame start. */
    long skippedBytes();

    /** Forgets a partial frame: the connection ended, the next bytes are a new stream. */
    void reset();
}
