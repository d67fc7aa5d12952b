package io.streamgate.ingest.modes.input;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Ingest with two raw receivers of one tenant near Toulouse: {@code toulouse-beast}, which ingest dials (the
 * test plays the receiver's Beast port 30005), and {@code toulouse-avr}, which pushes AVR to a port ingest
 * listens on (0: the system picks one, read back from {@link RawFeeds#listenPort}). The AVR receiver has no
 * position configured: the short-flights recording it replays was made far from Toulouse, and the range check
 * would (rightly) reject it.
 */
public class RawFeedsProfile implements QuarkusTestProfile {

    public static final String TENANT = "raw-radar";
    private static final int BEAST_PORT = freePort();

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.ofEntries(
                Map.entry("streamgate.ingest.raw.enabled", "true"),
                Map.entry("streamgate.ingest.raw.reconnect-initial-delay", "50ms"),
                Map.entry("streamgate.ingest.raw.reconnect-max-delay", "250ms"),
                Map.entry("streamgate.ingest.raw.receivers.toulouse-beast.connect", "127.0.0.1:" + BEAST_PORT),
                Map.entry("streamgate.ingest.raw.receivers.toulouse-beast.format", "beast"),
                Map.entry("streamgate.ingest.raw.receivers.toulouse-beast.tenant", TENANT),
                Map.entry("streamgate.ingest.raw.receivers.toulouse-beast.lat", "43.629"),
                Map.entry("streamgate.ingest.raw.receivers.toulouse-beast.lon", "1.364"),
                Map.entry("streamgate.ingest.raw.receivers.toulouse-avr.listen-port", "0"),
                Map.entry("streamgate.ingest.raw.receivers.toulouse-avr.listen-host", "127.0.0.1"),
                Map.entry("streamgate.ingest.raw.receivers.toulouse-avr.format", "avr"),
                Map.entry("streamgate.ingest.raw.receivers.toulouse-avr.tenant", TENANT));
    }

    /** The port ingest dials for {@code toulouse-beast}. */
    public static int beastPort() {
        String connect = ConfigProvider.getConfig()
                .getValue("streamgate.ingest.raw.receivers.toulouse-beast.connect", String.class);
        return Integer.parseInt(connect.substring(connect.lastIndexOf(':') + 1));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
