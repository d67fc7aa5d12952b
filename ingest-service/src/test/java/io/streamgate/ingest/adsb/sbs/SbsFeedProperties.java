package io.streamgate.ingest.adsb.sbs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import io.streamgate.ingest.adsb.AircraftPositionEvents;

/**
 * What an SBS feeder can send, in bulk: any byte stream splits into bounded lines; any line is a message,
 * skipped, or a {@link MalformedSbsLineException} (which the feed counts and skips); a message the
 * assembler turns into a position can be written. Nothing else may escape, or it would end the feed.
 */
class SbsFeedProperties {

    private static final String[] VALID = {
        "MSG,3,1,1,3C71A1,1,2026/07/29,18:28:35.600,2026/07/29,18:28:35.612,,41000,,,51.34526,-2.05223,,,0,0,0,0",
        "MSG,4,1,1,3C71A1,1,2026/07/29,18:28:35.700,2026/07/29,18:28:35.712,,,452,271,,,-64,,,,,0",
        "MSG,1,1,1,3C71A1,1,2026/07/29,18:28:35.800,2026/07/29,18:28:35.812,BAW123  ,,,,,,,,,,,0",
        "MSG,6,1,1,3C71A1,1,2026/07/29,18:28:35.900,2026/07/29,18:28:35.912,,,,,,,,7700,-1,-1,-1,0"};

    private static final String[] ODD_FIELDS = {"", " ", "-", "-1", "0", "9", "1e9", "NaN", "Infinity", "+", ".", "1.",
        "99999999999999999999", "-9223372036854775808", "90.0000001", "-180.0000001", "2026/02/30", "24:00:00",
        "18:28:35.1234567891", "9999/12/31", "0000/01/01", "~", "~zzzzzz", "ÿÿ", "\u0000", "7777", "8888", "MSG",
        "a".repeat(500)};

    @Property(seed = "2121")
    void everyLineIsAMessageSkippedOrMalformed(@ForAll("lines") String line) {
        SbsAssembler assembler = new SbsAssembler(ZoneOffset.UTC, Duration.ofSeconds(60), 100);
        for (String valid : VALID) {
            accept(assembler, valid);
        }
        String outcome;
        try {
            Optional<SbsMessage> message = SbsParser.parse(line);
            outcome = message.isPresent() ? "message" : "skipped";
            message.flatMap(m -> assembler.accept(m, Instant.parse("2026-07-29T18:28:36Z")))
                    .ifPresent(position -> AircraftPositionEvents.of(java.util.List.of(position), "acme", "/t"));
        } catch (MalformedSbsLineException malformed) {
            outcome = "malformed";
        }
        Statistics.collect(outcome);
    }

    @Property(seed = "2122")
    void anyByteStreamSplitsIntoBoundedLines(@ForAll("streams") byte[] stream) throws IOException {
        LineReader reader = new LineReader(new ByteArrayInputStream(stream), 256);
        int lines = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            assertTrue(line.length() <= 256, "line of " + line.length());
            lines++;
        }
        assertTrue(lines <= stream.length);
    }

    @Provide
    Arbitrary<String> lines() {
        Arbitrary<String> fieldReplaced = Combinators.combine(Arbitraries.of(VALID), Arbitraries.integers().between(0, 23),
                Arbitraries.oneOf(Arbitraries.of(ODD_FIELDS), Arbitraries.strings().ofMaxLength(12)))
                .as((valid, index, value) -> {
                    String[] fields = valid.split(",", -1);
                    if (index < fields.length) {
                        fields[index] = value;
                    }
                    return String.join(",", fields);
                });
        Arbitrary<String> fieldsDropped = Combinators.combine(Arbitraries.of(VALID), Arbitraries.integers().between(0, 200))
                .as((valid, cut) -> valid.substring(0, Math.min(cut, valid.length())));
        Arbitrary<String> commas = Arbitraries.integers().between(0, 60).map(n -> "MSG," + ",".repeat(n));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(6, fieldReplaced), net.jqwik.api.Tuple.of(2, fieldsDropped),
                net.jqwik.api.Tuple.of(1, commas), net.jqwik.api.Tuple.of(1, Arbitraries.strings().ofMaxLength(300)));
    }

    @Provide
    Arbitrary<byte[]> streams() {
        return Arbitraries.oneOf(Arbitraries.bytes().array(byte[].class).ofMaxSize(4096),
                Arbitraries.integers().between(0, 5000).map(n -> ("x".repeat(n) + "\r\n" + VALID[0] + "\n")
                        .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)));
    }

    private static void accept(SbsAssembler assembler, String line) {
        try {
            SbsParser.parse(line).ifPresent(m -> assembler.accept(m, Instant.parse("2026-07-29T18:28:36Z")));
        } catch (MalformedSbsLineException e) {
            throw new AssertionError("a valid line was refused: " + line, e);
        }
    }
}
