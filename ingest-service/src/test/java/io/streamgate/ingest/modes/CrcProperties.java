package io.streamgate.ingest.modes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Arrays;

import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * CRC correction on arbitrary DF17 frames.
 *
 * <p>The property, precisely: take any DF17 frame with a valid parity, flip any two distinct bits, decode
 * with single-bit correction on and the frame's own address already in the ICAO filter. The result is
 * never a DF17/18 reported without {@link ModeSFrame#correctedBit}: no two-bit error passes as an intact
 * frame. Stronger, and what the code's distance gives: when neither flipped bit is in the DF field the
 * frame is refused (BAD_CRC), so correction never turns it into a different valid frame at all. And any
 * single flipped bit outside the DF field is repaired to exactly the frame sent, flagged.
 */
class CrcProperties {

    private static byte[] df17(int address, long me) {
        byte[] frame = new byte[14];
        frame[0] = (byte) (0x8D);
        frame[1] = (byte) (address >>> 16);
        frame[2] = (byte) (address >>> 8);
        frame[3] = (byte) address;
        for (int i = 0; i < 7; i++) {
            frame[4 + i] = (byte) (me >>> (48 - 8 * i));
        }
        Crc24.seal(frame, 0, 14, 0);
        return frame;
    }

    @Property(tries = 2000, seed = "18")
    void twoFlippedBitsNeverPassAsAnIntactExtendedSquitter(@ForAll @IntRange(min = 0, max = 0xFFFFFF) int address,
            @ForAll @LongRange(min = 0, max = (1L << 56) - 1) long me, @ForAll @IntRange(min = 0, max = 111) int i,
            @ForAll @IntRange(min = 0, max = 111) int j) {
        Assume.that(i != j);
        byte[] sent = df17(address, me);
        byte[] received = CrcCorrectionTest.flip(CrcCorrectionTest.flip(sent, i), j);
        IcaoFilter filter = new IcaoFilter(60_000);
        filter.seen(address, 0);
        ModeSFrame frame = new ModeSFrame();
        DecodeResult result = new ModeSDecoder(filter, true).decode(received, 0, 14, 1, frame);
        boolean squitter = result.decoded() && (frame.df == 17 || frame.df == 18);
        assertFalse(squitter && frame.correctedBit < 0, "a two-bit error accepted as intact: " + result);
        if (squitter) {
            assertNotEquals(Arrays.toString(sent), Arrays.toString(Arrays.copyOf(frame.bytes, 14)));
        }
        if (i >= 5 && j >= 5) {
            assertEquals(DecodeResult.BAD_CRC, result, "bits " + i + " and " + j);
        }
    }

    @Property(tries = 1000, seed = "18")
    void oneFlippedBitIsRepairedToTheFrameSent(@ForAll @IntRange(min = 0, max = 0xFFFFFF) int address,
            @ForAll @LongRange(min = 0, max = (1L << 56) - 1) long me, @ForAll @IntRange(min = 5, max = 111) int bit) {
        byte[] sent = df17(address, me);
        ModeSFrame frame = new ModeSFrame();
        DecodeResult result = new ModeSDecoder(new IcaoFilter(60_000), true)
                .decode(CrcCorrectionTest.flip(sent, bit), 0, 14, 1, frame);
        assertEquals(DecodeResult.CORRECTED, result);
        assertEquals(bit, frame.correctedBit);
        assertArrayEquals(sent, Arrays.copyOf(frame.bytes, 14));
    }
}
