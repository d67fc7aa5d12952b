package io.streamgate.gateway.transport;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import io.vertx.core.http.WebSocketFrame;

/**
 * Assembles a client's text messages from their frames (a first frame, then continuations up to the
 * final one) and refuses any message over the limit as soon as its size is known, before the rest of
 * it is kept. One per connection, on its event loop.
 */
final class InboundMessages {

    /** What a frame completed. */
    sealed interface Outcome {
    }

    /** A whole text message. */
    record Text(String message) implements Outcome {
    }

    /** More frames of this message are to come. */
    record Partial() implements Outcome {
    }

    record TooBig(long bytes) implements Outcome {
    }

    /** A text message that is not valid UTF-8: RFC 6455 §8.1 says fail the connection (1007). */
    record InvalidText() implements Outcome {
    }

    /** A binary message (or a fragment of one), which no dialect speaks. */
    record Binary() implements Outcome {
    }

    private static final Partial PARTIAL = new Partial();

    private final int limitBytes;
    private ByteArrayOutputStream fragments;
    private boolean binaryFragments;
    private boolean refusing;

    InboundMessages(int limitBytes) {
        this.limitBytes = limitBytes;
    }

    Outcome accept(WebSocketFrame frame) {
        if (frame.isText() || frame.isBinary()) {
            fragments = null;
            refusing = false;
            binaryFragments = frame.isBinary();
            if (binaryFragments) {
                return frame.isFinal() ? new Binary() : PARTIAL;
            }
            if (frame.isFinal()) {
                int size = frame.binaryData().length();
                return size > limitBytes ? new TooBig(size) : text(frame.binaryData().getBytes());
            }
            return append(frame);
        }
        if (frame.isContinuation()) {
            if (binaryFragments) {
                return frame.isFinal() ? new Binary() : PARTIAL;
            }
            return append(frame);
        }
        return PARTIAL;
    }

    private Outcome append(WebSocketFrame frame) {
        if (refusing) {
            if (frame.isFinal()) {
                refusing = false;
            }
            return PARTIAL;
        }
        if (fragments == null) {
            fragments = new ByteArrayOutputStream();
        }
        byte[] bytes = frame.binaryData().getBytes();
        long size = (long) fragments.size() + bytes.length;
        if (size > limitBytes) {
            fragments = null;
            // The rest of this message is read and dropped, not kept: the connection closes after the answer.
            refusing = !frame.isFinal();
            return new TooBig(size);
        }
        fragments.write(bytes, 0, bytes.length);
        if (!frame.isFinal()) {
            return PARTIAL;
        }
        byte[] message = fragments.toByteArray();
        fragments = null;
        return text(message);
    }

    /** Decoded strictly: a replacement character in place of bad bytes would hand the dialect a message never sent. */
    private static Outcome text(byte[] bytes) {
        try {
            return new Text(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return new InvalidText();
        }
    }
}
