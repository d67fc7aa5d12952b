package io.streamgate.gateway.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.junit.jupiter.api.Test;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocketFrame;

class InboundMessagesTest {

    private final InboundMessages messages = new InboundMessages(10);

    @Test
    void aWholeTextFrameIsAMessage() {
        assertEquals(new InboundMessages.Text("0123456789"), messages.accept(WebSocketFrame.textFrame("0123456789", true)));
    }

    @Test
    void fragmentsAreJoinedIntoOneMessage() {
        assertInstanceOf(InboundMessages.Partial.class, messages.accept(WebSocketFrame.textFrame("01234", false)));
        assertInstanceOf(InboundMessages.Partial.class, messages.accept(continuation("567", false)));
        assertEquals(new InboundMessages.Text("0123456789"), messages.accept(continuation("89", true)));
    }

    @Test
    void aFrameOverTheLimitIsRefusedWithItsSize() {
        assertEquals(new InboundMessages.TooBig(11), messages.accept(WebSocketFrame.textFrame("0123456789A", true)));
    }

    @Test
    void fragmentsOverTheLimitAreRefusedOnceAndTheRestOfTheMessageIsDropped() {
        messages.accept(WebSocketFrame.textFrame("012345", false));
        assertEquals(new InboundMessages.TooBig(12), messages.accept(continuation("678901", false)));
        assertInstanceOf(InboundMessages.Partial.class, messages.accept(continuation("tail", true)));
        assertEquals(new InboundMessages.Text("next"), messages.accept(WebSocketFrame.textFrame("next", true)));
    }

    @Test
    void multiByteCharactersSplitAcrossFramesSurvive() {
        byte[] euro = "€".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        messages.accept(WebSocketFrame.binaryFrame(Buffer.buffer(), false));
        InboundMessages text = new InboundMessages(10);
        text.accept(new io.vertx.core.http.impl.ws.WebSocketFrameImpl(io.vertx.core.http.WebSocketFrameType.TEXT,
                io.netty.buffer.Unpooled.wrappedBuffer(euro, 0, 1), false));
        assertEquals(new InboundMessages.Text("€"), text.accept(WebSocketFrame.continuationFrame(
                Buffer.buffer(java.util.Arrays.copyOfRange(euro, 1, euro.length)), true)));
    }

    @Test
    void binaryMessagesAreRefusedWhole() {
        assertInstanceOf(InboundMessages.Partial.class, messages.accept(WebSocketFrame.binaryFrame(Buffer.buffer("ab"), false)));
        assertInstanceOf(InboundMessages.Binary.class, messages.accept(continuation("cd", true)));
        assertInstanceOf(InboundMessages.Binary.class, messages.accept(WebSocketFrame.binaryFrame(Buffer.buffer("ab"), true)));
    }

    private static WebSocketFrame continuation(String text, boolean last) {
        return WebSocketFrame.continuationFrame(Buffer.buffer(text), last);
    }
}
