package io.streamgate.gateway.transport;

/**
 * The header of a final, unmasked WebSocket text frame (RFC 6455 §5.2) — what a server puts in front
 * of every message it sends without an extension. It depends on the payload's length only, so a frame
 * shared by many sockets carries it once ({@link io.streamgate.gateway.engine.Frame#headed}).
 */
final class TextFrameHeader {

    private static final byte FIN_TEXT = (byte) 0x81;

    private TextFrameHeader() {
    }

    static byte[] of(int payloadLength) {
        if (payloadLength < 126) {
            return new byte[] { FIN_TEXT, (byte) payloadLength };
        }
        if (payloadLength <= 0xFFFF) {
            return new byte[] { FIN_TEXT, 126, (byte) (payloadLength >>> 8), (byte) payloadLength };
        }
        byte[] header = new byte[10];
        header[0] = FIN_TEXT;
        header[1] = 127;
        long length = payloadLength;
        for (int i = 9; i >= 2; i--) {
            header[i] = (byte) length;
            length >>>= 8;
        }
        return header;
    }
}
