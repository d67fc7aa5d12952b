package io.streamgate.gateway.engine;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A message encoded once for every session that gets it: its text, and its UTF-8 bytes for the
 * sockets. A frame that fans out to many sessions ({@link #shared}) keeps its bytes off the heap, so
 * every socket writes that one copy as it is; the network layer would otherwise copy heap bytes into
 * direct memory once per socket, and hold that copy for as long as the socket lags.
 *
 * <p>Frames for one session ({@link #of}: replies, snapshots) stay on the heap: ten thousand clients
 * connecting at once would otherwise allocate their snapshots in direct memory, which only a garbage
 * collection gives back.
 */
public final class Frame {

    private final String text;
    private final ByteBuffer bytes;

    private Frame(String text, ByteBuffer bytes) {
        this.text = text;
        this.bytes = bytes;
    }

    /** A frame for one session. */
    public static Frame of(String text) {
        return new Frame(text, ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)).asReadOnlyBuffer());
    }

    /** A frame for many sessions: its bytes are written once, off the heap, and shared by every socket. */
    public static Frame shared(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        ByteBuffer direct = ByteBuffer.allocateDirect(utf8.length).put(utf8).flip();
        return new Frame(text, direct.asReadOnlyBuffer());
    }

    public String text() {
        return text;
    }

    /** The UTF-8 bytes, as a read-only view of their own: the caller may move its position freely. */
    public ByteBuffer bytes() {
        return bytes.duplicate();
    }

    /** Bytes on the wire, payload only. */
    public int size() {
        return bytes.remaining();
    }

    @Override
    public String toString() {
        return text;
    }
}
