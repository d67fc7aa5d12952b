package io.streamgate.ingest.modes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import io.streamgate.devstack.SharedData;

/** The off-air recordings of {@code data/adsb} as the raw inputs receivers send. */
public final class Recordings {

    /** One line of {@code rs1090-short_flights.csv}: receive time and a DF17 frame. */
    public record TimedFrame(double unixSeconds, String hex) {
    }

    private Recordings() {
    }

    /** {@code sample_dump1090.bin}: 239 Beast frames near Toulouse, 2020-02-12. */
    public static byte[] beastSample() {
        try {
            return Files.readAllBytes(SharedData.file("adsb/sample_dump1090.bin"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<TimedFrame> shortFlights() {
        try {
            List<TimedFrame> frames = new ArrayList<>();
            for (String line : Files.readAllLines(SharedData.file("adsb/rs1090-short_flights.csv"))) {
                if (!line.isBlank()) {
                    String[] fields = line.split(",");
                    frames.add(new TimedFrame(Double.parseDouble(fields[0]), fields[1].strip()));
                }
            }
            return frames;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The short flights as an AVR stream with timestamps ({@code @<12 hex><hex>;}), the 12 MHz counter
     * counting from the first frame.
     */
    public static byte[] shortFlightsAsAvr() {
        List<TimedFrame> frames = shortFlights();
        double start = frames.get(0).unixSeconds();
        StringBuilder avr = new StringBuilder();
        for (TimedFrame frame : frames) {
            long ticks = Math.round((frame.unixSeconds() - start) * 12_000_000);
            avr.append('@').append(String.format("%012X", ticks)).append(frame.hex()).append(";\r\n");
        }
        return avr.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
