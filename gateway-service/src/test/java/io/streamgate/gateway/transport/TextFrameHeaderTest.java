package io.streamgate.gateway.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocket13FrameEncoder;

/** The pre-framed header must be byte for byte what Netty's server encoder writes, at every length class. */
class TextFrameHeaderTest {

    @Test
    void theHeaderIsWhatNettysServerEncoderWritesForEveryLengthClass() {
        for (int length : new int[] { 0, 1, 125, 126, 127, 1_023, 1_024, 2_000, 65_535, 65_536, 1_048_576 }) {
            EmbeddedChannel channel = new EmbeddedChannel(new WebSocket13FrameEncoder(false));
            channel.writeOutbound(new TextWebSocketFrame(Unpooled.wrappedBuffer(new byte[length])));
            ByteBuf wire = Unpooled.buffer();
            for (ByteBuf part; (part = channel.readOutbound()) != null;) {
                wire.writeBytes(part);
                part.release();
            }
            byte[] header = TextFrameHeader.of(length);
            assertArrayEquals(ByteBufUtil.getBytes(wire, 0, wire.readableBytes() - length), header,
                    "header of a " + length + "-byte payload");
            channel.finishAndReleaseAll();
        }
    }
}
