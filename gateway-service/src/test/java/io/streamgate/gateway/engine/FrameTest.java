package io.streamgate.gateway.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class FrameTest {

    private static final String TEXT = "{\"type\":\"aircraft:update\",\"data\":{\"flight\":\"SWR12\u00c4\"}}";

    @Test
    void aSharedFrameCarriesItsUtf8BytesOffTheHeapAndEachReaderGetsItsOwnView() {
        Frame frame = Frame.shared(TEXT);
        byte[] expected = TEXT.getBytes(StandardCharsets.UTF_8);

        ByteBuffer first = frame.bytes();
        ByteBuffer second = frame.bytes();
        first.position(first.limit());

        assertTrue(second.isDirect());
        assertTrue(second.isReadOnly(), "shared bytes must not be writable by any one socket");
        assertEquals(expected.length, frame.size(), "size counts bytes, not characters");
        assertEquals(ByteBuffer.wrap(expected), second, "a reader moving its view does not move another's");
    }

    @Test
    void aFrameForOneSessionHasTheSameBytesOnTheHeap() {
        Frame frame = Frame.of(TEXT);

        assertEquals(ByteBuffer.wrap(TEXT.getBytes(StandardCharsets.UTF_8)), frame.bytes());
        assertEquals(TEXT, frame.text());
    }

    @Test
    void aSharedFrameWritesItsHeaderOnceInFrontOfItsOwnBytes() {
        Frame frame = Frame.shared(TEXT);
        int[] rendered = {0};
        byte[] header = {(byte) 0x81, (byte) frame.size()};

        ByteBuffer first = frame.headed(length -> {
            rendered[0]++;
            return header;
        });
        first.position(first.limit());
        ByteBuffer second = frame.headed(length -> {
            rendered[0]++;
            return new byte[] {9};
        });

        ByteBuffer expected = ByteBuffer.allocate(2 + frame.size()).put(header)
                .put(TEXT.getBytes(StandardCharsets.UTF_8)).flip();
        assertEquals(expected, second, "the header, then the payload, in a view of its own");
        assertEquals(1, rendered[0], "rendered once per frame, whoever asks after");
        assertTrue(second.isDirect() && second.isReadOnly());
        assertEquals(ByteBuffer.wrap(TEXT.getBytes(StandardCharsets.UTF_8)), frame.bytes(), "the payload alone is unchanged");
    }

    @Test
    void aFrameForOneSessionHasNoRoomForAHeader() {
        assertNull(Frame.of(TEXT).headed(length -> new byte[2]));
    }
}
