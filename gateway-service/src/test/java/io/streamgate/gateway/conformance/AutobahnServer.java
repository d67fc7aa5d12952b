package io.streamgate.gateway.conformance;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.streamgate.devstack.Deadline;

/**
 * The server the Autobahn fuzzing client is pointed at ({@code -Pautobahn}). The Maven plugin calls
 * {@code main(port)} and always connects to {@code ws://<host>:<port>/}, which is GeonicDB's WebSocket in
 * the gateway; so this starts the built gateway jar on another port with the echo endpoint enabled, and
 * forwards each connection to it byte for byte, only rewriting the request target of the upgrade's first
 * line from {@code /} to the echo path. Every frame the suite sends reaches the gateway's transport as sent.
 */
public final class AutobahnServer {

    private static final String ECHO_PATH = "/conformance/echo";

    private AutobahnServer() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int gatewayPort;
        try (ServerSocket free = new ServerSocket(0)) {
            gatewayPort = free.getLocalPort();
        }
        Path classes = Path.of(AutobahnServer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path jar = classes.getParent().resolve("quarkus-app/quarkus-run.jar");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process gateway = new ProcessBuilder(List.of(java, "-Dquarkus.http.port=" + gatewayPort,
                "-Dstreamgate.gateway.conformance.echo-enabled=true",
                "-Dstreamgate.gateway.conformance.echo-path=" + ECHO_PATH,
                "-Dquarkus.log.level=WARN", "-jar", jar.toString()))
                .redirectErrorStream(true)
                .redirectOutput(classes.getParent().resolve("autobahn-gateway.log").toFile())
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(gateway::destroy));
        awaitPort(gatewayPort, Duration.ofSeconds(60));

        ServerSocket listener = new ServerSocket();
        listener.bind(new InetSocketAddress(port));
        Thread acceptor = new Thread(() -> accept(listener, gatewayPort), "autobahn-forwarder");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private static void accept(ServerSocket listener, int gatewayPort) {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                client.setTcpNoDelay(true);
                Socket upstream = new Socket("127.0.0.1", gatewayPort);
                upstream.setTcpNoDelay(true);
                pipe(client, upstream, true);
                pipe(upstream, client, false);
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void pipe(Socket from, Socket to, boolean rewriteFirstLine) {
        Thread thread = new Thread(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                if (rewriteFirstLine) {
                    StringBuilder line = new StringBuilder();
                    for (int b = in.read(); b != -1; b = in.read()) {
                        line.append((char) b);
                        if (b == '\n') {
                            break;
                        }
                    }
                    String first = line.toString().replaceFirst("^GET /(\\?| )", "GET " + ECHO_PATH + "$1");
                    out.write(first.getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                }
                byte[] buffer = new byte[65536];
                for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // Either side closed: the other is closed below.
            } finally {
                try {
                    to.shutdownOutput();
                } catch (IOException e) {
                    // already closed
                }
            }
        }, "autobahn-pipe");
        thread.setDaemon(true);
        thread.start();
    }

    private static void awaitPort(int port, Duration timeout) {
        Deadline.await("the gateway listens on " + port, timeout, () -> {
            try (Socket probe = new Socket("127.0.0.1", port)) {
                return true;
            } catch (IOException notYet) {
                return false;
            }
        });
    }
}
