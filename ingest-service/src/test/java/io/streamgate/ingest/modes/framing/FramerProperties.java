package io.streamgate.ingest.modes.framing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import io.streamgate.ingest.modes.Recordings;

/**
 * What a socket can send a framer — random bytes, a stream cut anywhere, garbage before a good stream —
 * never makes it throw, and it finds the good frames again.
 */
class FramerProperties {

    private static final byte[] BEAST = Recordings.beastSample();
    private static final byte[] AVR = Recordings.shortFlightsAsAvr();

    private static final class Collect implements FrameSink {
        final List<String> frames = new ArrayList<>();

        @Override
        public void frame(byte[] payload, int offset, int length, long timestamp12MHz, int signal) {
            assertTrue(length == 2 || length == 7 || length == 14, "payload length " + length);
            frames.add(HexFormat.of().formatHex(payload, offset, offset + length));
        }
    }

    private static List<String> frames(boolean beast, byte[]... parts) {
        Collect sink = new Collect();
        Framer framer = beast ? new BeastFramer(sink) : new AvrFramer(sink);
        int step = 1;
        for (byte[] part : parts) {
            for (int offset = 0; offset < part.length; offset += step, step = step % 31 + 1) {
                framer.feed(part, offset, Math.min(step, part.length - offset));
            }
        }
        return sink.frames;
    }

    @Property(tries = 500, seed = "18")
    void randomBytesNeverThrowFromTheBeastFramer(@ForAll("beastish") byte[] bytes) {
        frames(true, bytes);
    }

    @Property(tries = 500, seed = "18")
    void randomBytesNeverThrowFromTheAvrFramer(@ForAll("avrish") byte[] bytes) {
        frames(false, bytes);
    }

    @Property(tries = 300, seed = "18")
    void aBeastStreamCutAnywhereAndResumedLosesAtMostOneFrame(@ForAll @IntRange(min = 0, max = 2000) int cutAt,
            @ForAll("beastish") byte[] garbage) {
        byte[] cut = java.util.Arrays.copyOf(BEAST, Math.min(cutAt, BEAST.length));
        List<String> whole = frames(true, BEAST);
        List<String> after = frames(true, cut, garbage, BEAST);
        List<String> tail = after.subList(Math.max(0, after.size() - whole.size()), after.size());
        assertEquals(whole.subList(1, whole.size()), tail.subList(tail.size() - whole.size() + 1, tail.size()),
                "every frame after the first of the resumed stream");
    }

    @Property(tries = 300, seed = "18")
    void anAvrStreamCutAnywhereAndResumedLosesNothing(@ForAll @IntRange(min = 0, max = 5000) int cutAt,
            @ForAll("avrish") byte[] garbage) {
        byte[] cut = java.util.Arrays.copyOf(AVR, Math.min(cutAt, AVR.length));
        List<String> whole = frames(false, AVR);
        List<String> after = frames(false, cut, garbage, AVR);
        assertEquals(whole, after.subList(after.size() - whole.size(), after.size()));
    }

    @Provide
    Arbitrary<byte[]> beastish() {
        // Bytes with many 0x1a and type bytes, so escapes and frame starts are exercised, not just noise.
        Arbitrary<Byte> interesting = Arbitraries.of((byte) 0x1a, (byte) '1', (byte) '2', (byte) '3', (byte) 0);
        Arbitrary<Byte> any = Arbitraries.bytes();
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(1, interesting), net.jqwik.api.Tuple.of(2, any))
                .array(byte[].class).ofMaxSize(600);
    }

    @Provide
    Arbitrary<byte[]> avrish() {
        List<Byte> alphabet = new ArrayList<>();
        for (byte b : "*@;0123456789ABCDEFabcdef\r\n x".getBytes(java.nio.charset.StandardCharsets.US_ASCII)) {
            alphabet.add(b);
        }
        Arbitrary<Byte> text = Arbitraries.of(alphabet);
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, text), net.jqwik.api.Tuple.of(1, Arbitraries.bytes()))
                .array(byte[].class).ofMaxSize(600);
    }

    @Property(tries = 200, seed = "18")
    void truncatedFramesAreCountedNotDelivered(@ForAll @Size(max = 20) List<@IntRange(min = 1, max = 20) Integer> cuts) {
        // every Beast frame of the sample cut short by some bytes, each followed by a clean frame
        Collect sink = new Collect();
        BeastFramer framer = new BeastFramer(sink);
        byte[] good = {0x1a, '2', 0, 0, 0, 0, 0, 1, 50, 0x5d, 0x39, (byte) 0x81, (byte) 0xe4, 0x6d, (byte) 0xc8, (byte) 0xeb};
        for (int cut : cuts) {
            framer.feed(good, 0, Math.max(2, good.length - cut));
            framer.feed(good, 0, good.length);
        }
        assertEquals(cuts.size(), sink.frames.size());
        assertTrue(sink.frames.stream().allMatch("5d3981e46dc8eb"::equals));
        assertEquals(cuts.size(), framer.malformed());
    }
}
