package io.streamgate.ingest.adsb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Ingest with one SBS feeder and one polled receiver on loopback ports that the tests then serve
 * from a real {@code ServerSocket} and a real JDK {@code HttpServer}. Until a test listens, ingest
 * meets refused connections, which it must survive anyway.
 */
public class LiveFeedsProfile implements QuarkusTestProfile {

    public static final String SBS_TENANT = "sbs-radar";
    public static final String POLL_TENANT = "poll-radar";
    public static final String RECEIVER_PATH = "/data/aircraft.json";

    private static final int SBS_PORT = freePort();
    private static final int RECEIVER_PORT = freePort();

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "streamgate.ingest.adsb.sbs.feeders", "127.0.0.1:" + SBS_PORT,
                "streamgate.ingest.adsb.sbs.reconnect-initial-delay", "50ms",
                "streamgate.ingest.adsb.sbs.reconnect-max-delay", "250ms",
                "streamgate.ingest.adsb.sbs.tenant", SBS_TENANT,
                "streamgate.ingest.adsb.poll.urls", "http://127.0.0.1:" + RECEIVER_PORT + RECEIVER_PATH,
                "streamgate.ingest.adsb.poll.interval", "200ms",
                "streamgate.ingest.adsb.poll.timeout", "2s",
                "streamgate.ingest.adsb.poll.tenant", POLL_TENANT);
    }

    /** The SBS port the running application connects to (read back from its configuration). */
    public static int sbsPort() {
        return portOf(ConfigProvider.getConfig().getValue("streamgate.ingest.adsb.sbs.feeders", String.class));
    }

    /** The receiver port the running application polls. */
    public static int receiverPort() {
        String url = ConfigProvider.getConfig().getValue("streamgate.ingest.adsb.poll.urls", String.class);
        return portOf(url.substring(0, url.indexOf(RECEIVER_PATH)));
    }

    private static int portOf(String hostAndPort) {
        return Integer.parseInt(hostAndPort.substring(hostAndPort.lastIndexOf(':') + 1));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
