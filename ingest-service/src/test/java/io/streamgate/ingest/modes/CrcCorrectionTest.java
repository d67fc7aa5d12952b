package io.streamgate.ingest.modes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

/**
 * Single-bit correction of DF17/18, exhaustively on a real frame: every one-bit error outside the DF
 * field is repaired to the original; every two-bit error is refused (the code's distance is large enough
 * that no two-bit error looks like a one-bit one), so correction never invents a valid frame.
 */
class CrcCorrectionTest {

    private static final byte[] CLEAN = Hex.bytes("8D406B902015A678D4D220AA4BDA");

    @Test
    void theCleanFrameChecks() {
        assertEquals(0, Crc24.residue(CLEAN, 0, 14));
        byte[] resealed = CLEAN.clone();
        Crc24.seal(resealed, 0, 14, 0);
        assertArrayEquals(CLEAN, resealed);
    }

    @Test
    void everySingleBitErrorOutsideTheFormatIsRepaired() {
        ModeSFrame frame = new ModeSFrame();
        for (int bit = 0; bit < 112; bit++) {
            byte[] damaged = flip(CLEAN, bit);
            DecodeResult result = decoder(true).decode(damaged, 0, 14, 0, frame);
            if (bit < 5) {
                // a flipped DF bit is another format: never "corrected" back
                assertEquals(-1, frame.correctedBit, "bit " + bit);
            } else {
                assertEquals(DecodeResult.CORRECTED, result, "bit " + bit);
                assertEquals(bit, frame.correctedBit);
                assertArrayEquals(CLEAN, Arrays.copyOf(frame.bytes, 14));
                assertEquals("EZY85MH", frame.callsignText());
            }
            assertEquals(false, decoder(false).decode(damaged, 0, 14, 0, frame).decoded(),
                    "with correction off, bit " + bit + " is an error");
        }
    }

    @Test
    void noTwoBitErrorIsAcceptedAsAnExtendedSquitter() {
        ModeSFrame frame = new ModeSFrame();
        int pairs = 0;
        for (int i = 0; i < 112; i++) {
            for (int j = i + 1; j < 112; j++) {
                byte[] damaged = flip(flip(CLEAN, i), j);
                DecodeResult result = decoder(true).decode(damaged, 0, 14, 0, frame);
                if (i >= 5) {
                    assertEquals(DecodeResult.BAD_CRC, result, "bits " + i + " and " + j);
                } else {
                    // the format changed: it must not come out as a DF17/18 at all
                    assertEquals(false, result.decoded() && (frame.df == 17 || frame.df == 18),
                            "bits " + i + " and " + j + ": " + result);
                }
                pairs++;
            }
        }
        assertEquals(112 * 111 / 2, pairs);
    }

    static byte[] flip(byte[] frame, int bit) {
        byte[] copy = frame.clone();
        copy[bit >> 3] ^= (byte) (0x80 >>> (bit & 7));
        return copy;
    }

    private static ModeSDecoder decoder(boolean correct) {
        return new ModeSDecoder(new IcaoFilter(60_000), correct);
    }
}
