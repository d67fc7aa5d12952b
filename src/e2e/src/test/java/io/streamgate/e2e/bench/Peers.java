package io.streamgate.e2e.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.streamgate.devstack.ChildProcess;
import io.streamgate.devstack.Stack;

/**
 * The servers GatewayBenchmark measures StreamGate against (issue 20), each started on a free port
 * and fed from the same {@code aircraft.positions} topic as the gateway, with the same batch window:
 * <ul>
 * <li>{@code nchan}: Debian's nginx with the Nchan module (a channel {@code aircraft}, WebSocket and
 * EventSource subscribers), configured in a temporary directory, and the Node bridge that publishes
 * each tick's frames to it ({@code src/e2e/peers/skyspy-peer.js --mode=nchan});
 * <li>{@code node}: the same Node program as a ws 8 server ({@code --mode=ws});
 * <li>{@code write-only}: {@link WriteOnlyServer} in a JVM of its own.
 * </ul>
 * {@code src/e2e/peers/setup.sh} installs nginx, Nchan and the Node packages (the gateway-bench
 * profile runs it first).
 */
final class Peers implements AutoCloseable {

    static final List<String> NAMES = List.of("nchan", "node", "write-only");
    private static final Path PEERS = Path.of("src/e2e/peers");
    private static final Path NCHAN_MODULE = Path.of("/usr/lib/nginx/modules/ngx_nchan_module.so");

    private final List<ChildProcess> started = new ArrayList<>();
    private final List<Target> targets = new ArrayList<>();
    private final Path dir;

    private Peers(Path dir) {
        this.dir = dir;
    }

    /** Starts the named peers; {@code brokers} is the devstack broker's bootstrap address. */
    static Peers start(List<String> names, String brokers, Duration window, Path out) throws Exception {
        Path dir = Files.createTempDirectory("gateway-bench-peers");
        Peers peers = new Peers(dir);
        try {
            Path root = Stack.repositoryRoot();
            for (String name : names) {
                switch (name) {
                    case "nchan" -> peers.startNchan(root, brokers, window, out);
                    case "node" -> peers.startNode(root, brokers, window, out);
                    case "write-only" -> peers.startWriteOnly(brokers, window, out);
                    default -> throw new IllegalArgumentException("unknown peer " + name + "; known: " + NAMES);
                }
            }
        } catch (Exception | Error e) {
            peers.close();
            throw e;
        }
        return peers;
    }

    List<Target> targets() {
        return List.copyOf(targets);
    }

    private void startNchan(Path root, String brokers, Duration window, Path out) throws Exception {
        if (!Files.exists(NCHAN_MODULE)) {
            throw new IllegalStateException("no " + NCHAN_MODULE + ": run src/e2e/peers/setup.sh (the gateway-bench profile does)");
        }
        int port = freePort();
        Path nginxDir = Files.createDirectories(dir.resolve("nginx"));
        Path conf = nginxDir.resolve("nginx.conf");
        Files.writeString(conf, nginxConf(nginxDir, port));
        ChildProcess nginx = start("nchan", List.of("nginx", "-p", nginxDir.toString(), "-c", conf.toString()),
                root, out.resolve("nchan.log"));
        awaitPort(nginx, port, Duration.ofSeconds(20));
        ChildProcess bridge = start("nchan-bridge", List.of("node", root.resolve(PEERS).resolve("skyspy-peer.js").toString(),
                "--mode=nchan", "--brokers=" + brokers, "--window=" + window.toMillis(),
                "--publish=http://127.0.0.1:" + port + "/pub/aircraft"), root, out.resolve("nchan-bridge.log"));
        awaitReady(bridge, Duration.ofSeconds(60));
        targets.add(new Target("nchan", endpoint("ws", port, "/ws/aircraft/"), endpoint("http", port, "/sse/aircraft/"),
                List.of(ProcessHandle.of(nginx.pid()).orElseThrow()), List.of(ProcessHandle.of(bridge.pid()).orElseThrow()),
                false));
    }

    /**
     * Nchan as its documentation sets it up: one worker per core, a channel per topic whose publisher
     * location takes the bridge's POSTs, and subscribers that start at the newest message.
     */
    private static String nginxConf(Path dir, int port) {
        String user = "root".equals(System.getProperty("user.name")) ? "user root root;\n" : "";
        return """
                load_module %s;
                %sworker_processes auto;
                worker_rlimit_nofile 65536;
                daemon off;
                pid %s/nginx.pid;
                error_log %s/error.log warn;
                events { worker_connections 32768; }
                http {
                  access_log off;
                  client_body_temp_path %s/body;
                  proxy_temp_path %s/proxy;
                  fastcgi_temp_path %s/fastcgi;
                  uwsgi_temp_path %s/uwsgi;
                  scgi_temp_path %s/scgi;
                  client_max_body_size 4m;
                  client_body_buffer_size 1m;
                  nchan_shared_memory_size 256m;
                  server {
                    listen 127.0.0.1:%d backlog=4096;
                    location = /pub/aircraft {
                      nchan_publisher http;
                      nchan_channel_id aircraft;
                      nchan_message_buffer_length 20;
                      nchan_message_timeout 30s;
                    }
                    location = /ws/aircraft/ {
                      nchan_subscriber websocket;
                      nchan_channel_id aircraft;
                      nchan_subscriber_first_message newest;
                    }
                    location = /sse/aircraft/ {
                      nchan_subscriber eventsource;
                      nchan_channel_id aircraft;
                      nchan_subscriber_first_message newest;
                    }
                  }
                }
                """.formatted(NCHAN_MODULE, user, dir, dir, dir, dir, dir, dir, dir, port);
    }

    private void startNode(Path root, String brokers, Duration window, Path out) throws Exception {
        int port = freePort();
        ChildProcess node = start("node", List.of("node", root.resolve(PEERS).resolve("skyspy-peer.js").toString(),
                "--mode=ws", "--brokers=" + brokers, "--window=" + window.toMillis(), "--port=" + port), root,
                out.resolve("node.log"));
        awaitReady(node, Duration.ofSeconds(60));
        targets.add(new Target("node", endpoint("ws", port, "/ws/aircraft/"), endpoint("http", port, "/sse/aircraft/"),
                List.of(ProcessHandle.of(node.pid()).orElseThrow()), List.of(), false));
    }

    private void startWriteOnly(String brokers, Duration window, Path out) throws Exception {
        int port = freePort();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // The gateway's own heap and collector defaults (Service), so memory compares like for like.
        ChildProcess server = start("write-only", List.of(java, "-Xmx512m", "-XX:+UseSerialGC",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", System.getProperty("java.class.path"),
                WriteOnlyServer.class.getName(), "port=" + port, "brokers=" + brokers, "window=" + window.toMillis()),
                Path.of("."), out.resolve("write-only.log"));
        awaitReady(server, Duration.ofSeconds(60));
        targets.add(new Target("write-only", endpoint("ws", port, "/ws/aircraft/"), endpoint("http", port, "/sse/aircraft/"),
                List.of(ProcessHandle.of(server.pid()).orElseThrow()), List.of(), false));
    }

    private ChildProcess start(String name, List<String> command, Path workDir, Path log) throws IOException {
        Files.createDirectories(log.getParent());
        Files.deleteIfExists(log);
        ChildProcess process = ChildProcess.start(name, command, Map.of(), workDir.toFile(), log);
        started.add(process);
        return process;
    }

    private static void awaitReady(ChildProcess process, Duration timeout) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (Files.exists(process.log()) && Files.readAllLines(process.log()).contains("ready")) {
                return;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException(process.name() + " exited; see " + process.log());
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(process.name() + " not ready within " + timeout + "; see " + process.log());
    }

    private static void awaitPort(ChildProcess process, int port, Duration timeout) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(process.name() + " exited; see " + process.log());
                }
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException(process.name() + " not listening within " + timeout);
    }

    private static URI endpoint(String scheme, int port, String path) {
        return URI.create(scheme + "://127.0.0.1:" + port + path);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).close();
        }
    }
}
