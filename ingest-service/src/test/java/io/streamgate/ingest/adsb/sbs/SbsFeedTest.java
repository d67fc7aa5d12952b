package io.streamgate.ingest.adsb.sbs;

import static io.streamgate.ingest.adsb.FeedRecords.await;
import static io.streamgate.ingest.adsb.FeedRecords.bootstrapServers;
import static io.streamgate.ingest.adsb.FeedRecords.fromSource;
import static io.streamgate.ingest.adsb.FeedRecords.metric;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.streamgate.devstack.DevstackTestResource;
import io.streamgate.devstack.testing.TopicProbe;
import io.streamgate.ingest.adsb.LiveFeedsProfile;
import io.streamgate.platform.aviation.AircraftPosition;
import io.streamgate.platform.event.EventEnvelope;
import io.streamgate.platform.event.KafkaBinaryBinding;
import io.streamgate.platform.json.Json;
import io.streamgate.platform.topic.Topics;

/** Ingest connected to a feeder's port 30003, played here by a real socket that writes dump1090-fa lines. */
@QuarkusTest
@TestProfile(LiveFeedsProfile.class)
@WithTestResource(value = DevstackTestResource.class, scope = TestResourceScope.GLOBAL)
class SbsFeedTest {

    private static final int ACCEPT_TIMEOUT_MILLIS = 30_000;

    @Test
    void aFeedersLinesBecomePositionsAndStateOfTheConfiguredTenant() throws Exception {
        try (TopicProbe positions = new TopicProbe(bootstrapServers(), Topics.AIRCRAFT_POSITIONS.name());
                TopicProbe state = new TopicProbe(bootstrapServers(), Topics.AIRCRAFT_STATE.name());
                ServerSocket feeder = listen();
                Socket ingest = feeder.accept()) {
            // BCS361 / 3c71a1 of the reference aircraft.json, then a TIS-B target with a non-ICAO address.
            send(ingest,
                    "MSG,1,1,1,3C71A1,1,2026/07/29,18:28:35.100,2026/07/29,18:28:35.104,BCS361  ,,,,,,,,,,,0",
                    "MSG,4,1,1,3C71A1,1,2026/07/29,18:28:35.300,2026/07/29,18:28:35.303,,,534,80,,,0,,,,,0",
                    "MSG,6,1,1,3C71A1,1,2026/07/29,18:28:35.400,2026/07/29,18:28:35.402,,41000,,,,,,2274,0,0,0,0",
                    "MSG,3,1,1,3C71A1,1,2026/07/29,18:28:35.600,2026/07/29,18:28:35.612,,41000,,,51.34526,-2.05223,,,0,0,0,0",
                    // a garbled latitude: rejected, not written
                    "MSG,3,1,1,3C71A1,1,2026/07/29,18:28:35.700,2026/07/29,18:28:35.712,,41000,,,513.4526,-2.05223,,,0,0,0,0",
                    "MSG,3,1,1,~4CA2CB,1,2026/07/29,18:28:36.000,2026/07/29,18:28:36.010,,36975,,,51.04894,-0.28824,,,,,,0");

            Map<String, ConsumerRecord<String, byte[]>> byKey = byKey(await(positions, fromSource(SbsFeeds.SOURCE),
                    records -> records.size() >= 2, "two SBS positions on aircraft.positions"));

            AircraftPosition bcs361 = Json.decode(byKey.get("3c71a1").value(), AircraftPosition.class);
            assertEquals("BCS361", bcs361.flight());
            assertEquals(51.34526, bcs361.lat());
            assertEquals(-2.05223, bcs361.lon());
            assertEquals(41000, bcs361.altBaro());
            assertEquals(534.0, bcs361.groundSpeed());
            assertEquals(80.0, bcs361.track());
            assertEquals("2274", bcs361.squawk());
            assertFalse(bcs361.stale());
            EventEnvelope envelope = KafkaBinaryBinding.read(byKey.get("3c71a1").headers());
            assertEquals(LiveFeedsProfile.SBS_TENANT, envelope.tenant(), "a TCP feed writes for its configured tenant");
            assertEquals(Instant.parse("2026-07-29T18:28:35.600Z"), envelope.time(), "SBS times read as UTC");

            AircraftPosition tisb = Json.decode(byKey.get("~4ca2cb").value(), AircraftPosition.class);
            assertTrue(tisb.nonIcao());
            assertEquals(36975, tisb.altBaro());

            Map<String, ConsumerRecord<String, byte[]>> stateByKey = byKey(await(state,
                    r -> r.value() != null && ("3c71a1".equals(r.key()) || "~4ca2cb".equals(r.key())),
                    records -> records.size() >= 2,
                    "the SBS aircraft on aircraft.state"));
            assertEquals(bcs361, Json.decode(stateByKey.get("3c71a1").value(), AircraftPosition.class));
            assertEquals(LiveFeedsProfile.SBS_TENANT,
                    KafkaBinaryBinding.get(stateByKey.get("3c71a1").headers(), KafkaBinaryBinding.TENANT));

            assertTrue(metric("streamgate_ingest_adsb_sbs_lines_total", "result=\"rejected\"") >= 1,
                    "a garbled line is counted, and the feed goes on");
        }
    }

    @Test
    void theFeedComesBackWhenTheFeederDropsTheConnection() throws Exception {
        try (TopicProbe positions = new TopicProbe(bootstrapServers(), Topics.AIRCRAFT_POSITIONS.name());
                ServerSocket feeder = listen()) {
            try (Socket first = feeder.accept()) {
                send(first, "MSG,3,1,1,407689,1,2026/07/29,18:28:41.000,2026/07/29,18:28:41.010,,23950,,,50.51756,"
                        + "-0.84074,,,0,0,0,0");
                await(positions, fromSource(SbsFeeds.SOURCE).and(r -> "407689".equals(r.key())),
                        records -> !records.isEmpty(), "407689 before the drop");
            }
            try (Socket second = feeder.accept()) {
                assertTrue(metric("streamgate_ingest_adsb_sbs_connections_total", "outcome=\"lost\"") >= 1,
                        "the dropped connection shows in the metrics");
                send(second, "MSG,3,1,1,43EA47,1,2026/07/29,18:28:42.000,2026/07/29,18:28:42.010,,6875,,,51.14583,"
                        + "-0.91370,,,0,0,0,0");
                List<ConsumerRecord<String, byte[]>> after = await(positions,
                        fromSource(SbsFeeds.SOURCE).and(r -> "43ea47".equals(r.key())), records -> !records.isEmpty(),
                        "43ea47 after the reconnect");
                assertEquals(51.14583, Json.decode(after.get(0).value(), AircraftPosition.class).lat());
            }
        }
    }

    private static ServerSocket listen() throws IOException {
        ServerSocket server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), LiveFeedsProfile.sbsPort()));
        // accept() waits with this deadline for ingest's next (backed-off) connection attempt.
        server.setSoTimeout(ACCEPT_TIMEOUT_MILLIS);
        return server;
    }

    private static void send(Socket socket, String... lines) throws IOException {
        OutputStream out = socket.getOutputStream();
        for (String line : lines) {
            out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        }
        out.flush();
    }

    private static Map<String, ConsumerRecord<String, byte[]>> byKey(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().collect(Collectors.toMap(ConsumerRecord::key, Function.identity(), (a, b) -> b));
    }
}
