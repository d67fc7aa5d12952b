package io.streamgate.gateway.engine;

import java.nio.charset.StandardCharsets;

/**
 * A message encoded once for every session that gets it: its text for text transports (SSE) and its
 * UTF-8 bytes for WebSocket frames. The bytes are computed here, once, so ten thousand sockets that
 * get the same batch share one array instead of each encoding its own copy.
 */
public final class Frame {

    private final String text;
    private final byte[] utf8;

    private Frame(String text) {
        this.text = text;
        this.utf8 = text.getBytes(StandardCharsets.UTF_8);
    }

    public static Frame of(String text) {
        return new Frame(text);
    }

    public String text() {
        return text;
    }

    /** The UTF-8 bytes; shared by every socket the frame is written to, so never to be modified. */
    public byte[] utf8() {
        return utf8;
    }

    /** Bytes on the wire, payload only. */
    public int size() {
        return utf8.length;
    }

    @Override
    public String toString() {
        return text;
    }
}
