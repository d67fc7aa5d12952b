package io.streamgate.ingest.adsb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.streamgate.devstack.SharedData;
import io.streamgate.platform.aviation.AircraftPosition;
import io.streamgate.platform.json.Json;

class AircraftJsonParserTest {

    private final AircraftJsonParser parser = new AircraftJsonParser(Instant::now, Duration.ofSeconds(15));

    @Test
    void positionsOverTheStalenessLimitAreKeptButMarked() throws Exception {
        ReceiverSnapshot snapshot = parser.parse(Json.mapper().readTree(
                Files.readAllBytes(SharedData.file("adsb/dump1090-fa-aircraft.json"))));

        Map<String, AircraftPosition> byHex = snapshot.positions().stream()
                .collect(Collectors.toMap(AircraftPosition::hex, p -> p));
        assertEquals(25, byHex.size(), "stale positions are accepted");
        // seen_pos 37.0, 61.1 and 39.2 in the reference file; every other one is under 12 s.
        assertEquals(Set.of("407f5f", "407462", "406a62"),
                byHex.values().stream().filter(AircraftPosition::stale).map(AircraftPosition::hex)
                        .collect(Collectors.toSet()));
    }

    @Test
    void anEmergencySquawkNamesTheEmergencyWhenTheReceiverReportsNone() throws Exception {
        String body = "{\"now\":1785349721.5,\"aircraft\":["
                + "{\"hex\":\"400795\",\"lat\":51.7,\"lon\":-0.7,\"squawk\":\"7600\",\"emergency\":\"none\"},"
                + "{\"hex\":\"40838b\",\"lat\":50.9,\"lon\":-0.4,\"squawk\":\"7500\"},"
                + "{\"hex\":\"4ca2cb\",\"lat\":51.0,\"lon\":-0.2,\"squawk\":\"7700\",\"emergency\":\"lifeguard\"},"
                + "{\"hex\":\"502d27\",\"lat\":51.1,\"lon\":-0.5,\"squawk\":\"2061\",\"emergency\":\"none\"}]}";
        Map<String, String> emergency = parser.parse(Json.mapper().readTree(body)).positions().stream()
                .collect(Collectors.toMap(AircraftPosition::hex, p -> String.valueOf(p.emergency())));

        assertEquals(Map.of("400795", "nordo", "40838b", "unlawful", "4ca2cb", "lifeguard", "502d27", "none"),
                emergency);
    }
}
