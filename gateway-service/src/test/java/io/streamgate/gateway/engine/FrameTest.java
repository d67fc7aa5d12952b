package io.streamgate.gateway.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
