package io.streamgate.ingest.modes.input;

import static io.streamgate.ingest.adsb.FeedRecords.await;
import static io.streamgate.ingest.adsb.FeedRecords.bootstrapServers;
import static io.streamgate.ingest.adsb.FeedRecords.fromSource;
import static io.streamgate.ingest.adsb.FeedRecords.metric;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.streamgate.devstack.Deadline;
import io.streamgate.devstack.DevstackTestResource;
import io.streamgate.devstack.testing.TopicProbe;
import io.streamgate.ingest.modes.Crc24;
import io.streamgate.ingest.modes.Recordings;
import io.streamgate.platform.aviation.AcasAdvisory;
import io.streamgate.platform.aviation.AircraftPosition;
import io.streamgate.platform.event.KafkaBinaryBinding;
import io.streamgate.platform.json.Json;
import io.streamgate.platform.topic.Topics;

/**
 * Raw receivers into ingest over real sockets, out to the devstack's Kafka: a Beast receiver that ingest
 * dials (played here by a {@link ServerSocket} sending the Toulouse recording) and an AVR receiver that
 * pushes to ingest's listener (the short-flights recording), both of one tenant.
 */
@QuarkusTest
@TestProfile(RawFeedsProfile.class)
@WithTestResource(value = DevstackTestResource.class, scope = TestResourceScope.GLOBAL)
class RawFeedsTest {

    private static final int ACCEPT_TIMEOUT_MILLIS = 30_000;
    private static final java.time.Duration WAIT = java.time.Duration.ofSeconds(30);
    /** An aircraft of the Toulouse recording with DF17 positions. */
    private static final String TOULOUSE_AIRCRAFT = "48520a";

    @Inject
    RawFeeds feeds;

    @Test
    void aDialledBeastReceiverBecomesPositionsNearToulouse() throws Exception {
        try (TopicProbe positions = new TopicProbe(bootstrapServers(), Topics.AIRCRAFT_POSITIONS.name());
                ServerSocket receiver = listen();
                Socket ingest = receiver.accept()) {
            send(ingest, Recordings.beastSample());
            List<ConsumerRecord<String, byte[]>> records = await(positions,
                    fromSource(RawFormat.BEAST.source()).and(r -> TOULOUSE_AIRCRAFT.equals(r.key())),
                    r -> !r.isEmpty(), "a Beast-decoded position of 48520a");
            AircraftPosition position = Json.decode(records.get(0).value(), AircraftPosition.class);
            assertEquals(43.65, position.lat(), 0.1, "near Toulouse");
            assertEquals(1.23, position.lon(), 0.1);
            assertTrue(position.altBaro() != null && position.altBaro() > 0, "with its barometric altitude");
            assertEquals(RawFeedsProfile.TENANT, KafkaBinaryBinding.get(records.get(0).headers(),
                    KafkaBinaryBinding.TENANT), "written for the receiver's tenant");
            // a replay at socket speed puts repeated frames (DF11 squitters above all) within the de-duplication
            // window, so fewer than the 239 frames count as accepted
            assertTrue(metric("streamgate_ingest_raw_frames_total", "result=\"accepted\"") >= 50,
                    "the recording's frames were decoded");
        }
    }

    @Test
    void aPushingAvrReceiverSurvivesGarbageAndItsDuplicatesAreDropped() throws Exception {
        int port = feeds.listenPort("toulouse-avr").orElseThrow();
        try (TopicProbe positions = new TopicProbe(bootstrapServers(), Topics.AIRCRAFT_POSITIONS.name())) {
            // a client that sends random bytes, then hangs up: counted, and the listener stays up
            double skippedBefore = metric("streamgate_ingest_raw_stream_skipped_bytes_total",
                    "receiver=\"toulouse-avr\"");
            byte[] noise = new byte[4096];
            new Random(18).nextBytes(noise);
            try (Socket garbage = connect(port)) {
                send(garbage, noise);
            }
            Deadline.await("the garbage counted", WAIT,
                    () -> metric("streamgate_ingest_raw_stream_skipped_bytes_total", "receiver=\"toulouse-avr\"")
                            > skippedBefore + 1000);

            try (Socket avr = connect(port)) {
                byte[] flights = Recordings.shortFlightsAsAvr();
                double duplicatesBefore = metric("streamgate_ingest_raw_frames_duplicate_total");
                send(avr, flights);
                // the same bytes again at once, as a second receiver of the tenant would hear them
                send(avr, flights);
                List<ConsumerRecord<String, byte[]>> records = await(positions, fromSource(RawFormat.AVR.source()),
                        r -> r.stream().map(ConsumerRecord::key).collect(Collectors.toSet()).size() >= 5,
                        "AVR-decoded positions of at least five of the short flights");
                Set<String> aircraft = records.stream().map(ConsumerRecord::key).collect(Collectors.toSet());
                assertTrue(Set.of("ada526", "ab2760", "a5aa20", "acf4e8", "ac5920", "a6f2b7", "a43f51")
                        .containsAll(aircraft), "only aircraft of the recording: " + aircraft);
                Deadline.await("the repeated frames dropped as duplicates", WAIT,
                        () -> metric("streamgate_ingest_raw_frames_duplicate_total") >= duplicatesBefore + 486);
            }
        }
    }

    @Test
    void aReportedResolutionAdvisoryIsWrittenToAircraftAcas() throws Exception {
        int port = feeds.listenPort("toulouse-avr").orElseThrow();
        int own = 0x3c6401;
        int threat = 0x4b1801;
        try (TopicProbe acas = new TopicProbe(bootstrapServers(), Topics.AIRCRAFT_ACAS.name());
                Socket avr = connect(port)) {
            // the aircraft's acquisition squitter first: a DF20's address is believed only once heard in clear
            byte[] squitter = {0x5d, 0x3c, 0x64, 0x01, 0, 0, 0};
            Crc24.seal(squitter, 0, 7, 0);
            // DF20 with MB = BDS 3,0: ARA first bit (one threat) and climb; TTI 1 and the threat's address
            long mb = (0x30L << 48) | (1L << (56 - 9)) | (1L << (56 - 30)) | ((long) threat << 2);
            byte[] reply = new byte[14];
            reply[0] = (byte) 0xA0;
            reply[2] = 0x18;
            reply[3] = 0x38;
            for (int i = 0; i < 7; i++) {
                reply[4 + i] = (byte) (mb >>> (48 - 8 * i));
            }
            Crc24.seal(reply, 0, 14, own);
            send(avr, ("*" + hex(squitter) + ";\n*" + hex(reply) + ";\n").getBytes(StandardCharsets.US_ASCII));

            List<ConsumerRecord<String, byte[]>> records = await(acas, r -> "3c6401".equals(r.key()),
                    r -> !r.isEmpty(), "the RA on aircraft.acas");
            AcasAdvisory advisory = Json.decode(records.get(0).value(), AcasAdvisory.class);
            assertEquals("4b1801", advisory.threatHex());
            assertEquals("climb", advisory.sense());
            assertEquals(20, advisory.downlinkFormat());
            assertEquals(1 << 13, advisory.ara());
            assertNull(advisory.lat(), "no position known for the reporting aircraft");
            assertEquals(RawFeedsProfile.TENANT, KafkaBinaryBinding.get(records.get(0).headers(),
                    KafkaBinaryBinding.TENANT));
        }
    }

    private static String hex(byte[] bytes) {
        return java.util.HexFormat.of().withUpperCase().formatHex(bytes);
    }

    private static ServerSocket listen() throws IOException {
        ServerSocket server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), RawFeedsProfile.beastPort()));
        server.setSoTimeout(ACCEPT_TIMEOUT_MILLIS);
        return server;
    }

    private static Socket connect(int port) throws IOException {
        return new Socket(InetAddress.getLoopbackAddress(), port);
    }

    private static void send(Socket socket, byte[] bytes) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(bytes);
        out.flush();
    }
}
