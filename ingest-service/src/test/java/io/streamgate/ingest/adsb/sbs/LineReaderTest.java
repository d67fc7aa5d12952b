package io.streamgate.ingest.adsb.sbs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class LineReaderTest {

    @Test
    void crlfAndLfLinesAreReadWithoutTheirTerminators() throws IOException {
        LineReader reader = reader("MSG,8,first\r\nMSG,8,second\n", 64);
        assertEquals("MSG,8,first", reader.readLine());
        assertEquals("MSG,8,second", reader.readLine());
        assertNull(reader.readLine());
    }

    @Test
    void aLineCutByTheEndOfTheStreamIsDropped() throws IOException {
        // A dropped connection cuts a line anywhere: "…,51.34526,-2.0" would be a wrong longitude.
        LineReader reader = reader("MSG,3,complete\r\nMSG,3,1,1,3C71A1,1,,,,,,41000,,,51.34526,-2.0", 128);
        assertEquals("MSG,3,complete", reader.readLine());
        assertNull(reader.readLine());
    }

    @Test
    void overlongLinesAreSkippedWholeAndCounted() throws IOException {
        LineReader reader = reader("x".repeat(5000) + "\r\nMSG,8,after\r\n", 64);
        assertEquals("MSG,8,after", reader.readLine());
        assertEquals(1, reader.skipped());
    }

    private static LineReader reader(String text, int maxLength) {
        return new LineReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)), maxLength);
    }
}
