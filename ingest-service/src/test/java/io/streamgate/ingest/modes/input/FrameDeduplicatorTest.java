package io.streamgate.ingest.modes.input;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;

import org.junit.jupiter.api.Test;

class FrameDeduplicatorTest {

    private static final byte[] FRAME = HexFormat.of().parseHex("8D406B902015A678D4D220AA4BDA");

    @Test
    void theSameBytesWithinTheWindowAreADuplicateAndAfterItNew() {
        FrameDeduplicator dedup = new FrameDeduplicator(1_000);
        assertTrue(dedup.firstSighting(FRAME, 0, 14, 10_000));
        assertFalse(dedup.firstSighting(FRAME, 0, 14, 10_500), "heard by a second receiver");
        assertTrue(dedup.firstSighting(FRAME, 0, 14, 11_001), "the next transmission, after the window");
    }

    @Test
    void aDifferentFrameIsNeverADuplicate() {
        FrameDeduplicator dedup = new FrameDeduplicator(1_000);
        byte[] other = FRAME.clone();
        other[13] ^= 1;
        assertTrue(dedup.firstSighting(FRAME, 0, 14, 1));
        assertTrue(dedup.firstSighting(other, 0, 14, 1));
        assertTrue(dedup.firstSighting(FRAME, 0, 7, 1), "a prefix is another frame");
    }

    @Test
    void aCrowdedTableLetsDuplicatesPassRatherThanDropNewFrames() {
        FrameDeduplicator dedup = new FrameDeduplicator(60_000);
        byte[] frame = FRAME.clone();
        for (int i = 0; i < 200_000; i++) {
            frame[4] = (byte) i;
            frame[5] = (byte) (i >>> 8);
            frame[6] = (byte) (i >>> 16);
            assertTrue(dedup.firstSighting(frame, 0, 14, 5), "frame " + i + " is new");
        }
    }

    @Test
    void aZeroWindowTurnsDeduplicationOff() {
        FrameDeduplicator dedup = new FrameDeduplicator(0);
        assertTrue(dedup.firstSighting(FRAME, 0, 14, 1));
        assertTrue(dedup.firstSighting(FRAME, 0, 14, 1));
    }
}
