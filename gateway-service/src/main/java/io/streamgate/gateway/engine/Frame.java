package io.streamgate.gateway.engine;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.function.IntFunction;

/**
 * A message encoded once for every session that gets it: its text, and its UTF-8 bytes for the
 * sockets. A frame that fans out to many sessions ({@link #shared}) keeps its bytes off the heap, so
 * every socket writes that one copy as it is; the network layer would otherwise copy heap bytes into
 * direct memory once per socket, and hold that copy for as long as the socket lags.
 *
 * <p>A shared frame also keeps room in front of its bytes for a transport's framing header, which is
 * the same for every socket (a server's WebSocket frames are unmasked): the transport writes it there
 * once ({@link #headed}) and every socket writes header and payload as one buffer, from the one copy,
 * instead of each socket's encoder allocating a header and the channel gathering two buffers.
 *
 * <p>Frames for one session ({@link #of}: replies, snapshots) stay on the heap: ten thousand clients
 * connecting at once would otherwise allocate their snapshots in direct memory, which only a garbage
 * collection gives back.
 */
public final class Frame {

    /** The longest header a transport may put in front: WebSocket's, for a payload over 64 KiB. */
    public static final int HEADROOM = 10;

    private final String text;
    /** The payload alone. */
    private final ByteBuffer bytes;
    /** For a shared frame, the memory {@link #bytes} is the end of, with {@link #HEADROOM} before it; else null. */
    private final ByteBuffer memory;
    private volatile ByteBuffer headed;

    private Frame(String text, ByteBuffer bytes, ByteBuffer memory) {
        this.text = text;
        this.bytes = bytes;
        this.memory = memory;
    }

    /** A frame for one session. */
    public static Frame of(String text) {
        return new Frame(text, ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)).asReadOnlyBuffer(), null);
    }

    /** A frame for many sessions: its bytes are written once, off the heap, and shared by every socket. */
    public static Frame shared(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        ByteBuffer memory = ByteBuffer.allocateDirect(HEADROOM + utf8.length);
        memory.position(HEADROOM);
        memory.put(utf8);
        ByteBuffer payload = memory.duplicate().position(HEADROOM).limit(HEADROOM + utf8.length).slice();
        return new Frame(text, payload.asReadOnlyBuffer(), memory);
    }

    public String text() {
        return text;
    }

    /** The UTF-8 bytes, as a read-only view of their own: the caller may move its position freely. */
    public ByteBuffer bytes() {
        return bytes.duplicate();
    }

    /**
     * The payload preceded by the header {@code header} renders for its length, as a read-only view of
     * its own; the header is written once per frame, by the first caller, and shared by every later one,
     * so one transport only may use it (WebSocket; SSE writes the bytes as they are).
     *
     * @return null for a frame of one session's, which has no room for a header
     */
    public ByteBuffer headed(IntFunction<byte[]> header) {
        if (memory == null) {
            return null;
        }
        ByteBuffer done = headed;
        if (done == null) {
            synchronized (this) {
                done = headed;
                if (done == null) {
                    byte[] head = header.apply(size());
                    if (head.length > HEADROOM) {
                        throw new IllegalArgumentException("a header of " + head.length + " bytes: at most " + HEADROOM);
                    }
                    ByteBuffer view = memory.duplicate();
                    view.position(HEADROOM - head.length);
                    view.put(head);
                    view.position(HEADROOM - head.length);
                    // Published through the volatile field: a reader on another event loop sees the header.
                    done = view.slice().asReadOnlyBuffer();
                    headed = done;
                }
            }
        }
        return done.duplicate();
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
