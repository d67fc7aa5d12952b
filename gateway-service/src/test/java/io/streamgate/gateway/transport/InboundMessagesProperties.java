package io.streamgate.gateway.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocketFrame;
import io.vertx.core.http.WebSocketFrameType;
import io.vertx.core.http.impl.ws.WebSocketFrameImpl;

/**
 * Text messages as they arrive, in one frame or cut into many: the message is its text exactly when its
 * bytes are UTF-8 (a string that encodes back to the same bytes), and {@code NotUtf8} otherwise — never
 * text with U+FFFD where the client sent something else — and the next message is read as if nothing
 * had happened.
 */
class InboundMessagesProperties {

    @Property(seed = "2341")
    void aMessageIsItsTextExactlyWhenItIsUtf8(@ForAll("payloads") byte[] bytes,
            @ForAll @IntRange(min = 1, max = 8) int fragments) {
        InboundMessages messages = new InboundMessages(1 << 20);
        InboundMessages.Outcome outcome = send(messages, bytes, fragments);
        String decoded = new String(bytes, StandardCharsets.UTF_8);
        if (Arrays.equals(decoded.getBytes(StandardCharsets.UTF_8), bytes)) {
            assertEquals(new InboundMessages.Text(decoded), outcome);
            Statistics.collect("utf-8");
        } else {
            assertInstanceOf(InboundMessages.NotUtf8.class, outcome);
            Statistics.collect("not utf-8");
        }
        assertEquals(new InboundMessages.Text("{\"action\":\"ping\"}"),
                messages.accept(WebSocketFrame.textFrame("{\"action\":\"ping\"}", true)));
    }

    private static InboundMessages.Outcome send(InboundMessages messages, byte[] bytes, int fragments) {
        if (fragments == 1) {
            return messages.accept(new WebSocketFrameImpl(WebSocketFrameType.TEXT, Unpooled.wrappedBuffer(bytes), true));
        }
        int step = Math.max(1, bytes.length / fragments);
        InboundMessages.Outcome outcome = messages.accept(new WebSocketFrameImpl(WebSocketFrameType.TEXT,
                Unpooled.wrappedBuffer(Arrays.copyOf(bytes, Math.min(step, bytes.length))), step >= bytes.length));
        for (int from = step; from < bytes.length; from += step) {
            int to = Math.min(bytes.length, from + step);
            outcome = messages.accept(WebSocketFrame.continuationFrame(
                    Buffer.buffer(Arrays.copyOfRange(bytes, from, to)), to == bytes.length));
        }
        return outcome;
    }

    @Provide
    Arbitrary<byte[]> payloads() {
        Arbitrary<byte[]> text = Arbitraries.strings().ofMaxLength(200).map(s -> s.getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> withBadByte = net.jqwik.api.Combinators.combine(text, Arbitraries.integers().between(0, 400),
                Arbitraries.of(new byte[] {(byte) 0x80}, new byte[] {(byte) 0xC3, 0x28}, new byte[] {(byte) 0xC0,
                    (byte) 0xAF}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0xFF},
                    new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, new byte[] {(byte) 0xE2,
                        (byte) 0x82})).as((good, at, bad) -> {
                            int cut = Math.min(at, good.length);
                            byte[] out = new byte[good.length + bad.length];
                            System.arraycopy(good, 0, out, 0, cut);
                            System.arraycopy(bad, 0, out, cut, bad.length);
                            System.arraycopy(good, cut, out, cut + bad.length, good.length - cut);
                            return out;
                        });
        return Arbitraries.oneOf(text, withBadByte, Arbitraries.bytes().array(byte[].class).ofMaxSize(300));
    }
}
