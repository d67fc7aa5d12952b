package io.streamgate.devstack;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A throw-away Redis: {@code redis-server} from the PATH when there is one, else the Linux/macOS
 * binary shipped inside {@code com.github.codemonstur:embedded-redis}, loopback only. It persists as the chart
 * asks of a production Redis (append-only file, fsync every second; see docs/operations.md): a Redis killed and
 * started again on its port and directory keeps every write it answered, which is how tests take Redis away
 * from a running service.
 */
public final class RedisServer implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

    private final Path home;
    private final int port;
    private final String executable;
    private final Restartable process = new Restartable();

    private RedisServer(Path home) {
        this.home = home;
        this.port = FreePort.pick();
        this.executable = onPath().orElseGet(() -> extractBundled(home));
    }

    public static RedisServer start(Path home) {
        RedisServer server = new RedisServer(home);
        server.start();
        return server;
    }

    public boolean isRunning() {
        return process.isRunning();
    }

    /** Starts Redis (again, after {@link #kill()} or {@link #stop()}) on the same port and data directory. */
    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        // No RDB snapshots: the append-only file alone is the data, replayed on start.
        List<String> command = List.of(executable, "--port", String.valueOf(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "yes", "--appendfsync", "everysec", "--dir", home.toString(),
                "--protected-mode", "no");
        process.started(ChildProcess.start("redis", command, Map.of(), home.toFile(), home.resolve("redis.log"),
                ShutdownOrder.Stage.INFRASTRUCTURE));
        Deadline.await("Redis on port " + port, START_TIMEOUT, this::answersPing);
    }

    /** Stops Redis (SIGTERM, then SIGKILL) and keeps its data for a later {@link #start()}. */
    public void stop() {
        process.stop();
    }

    /**
     * Kills Redis (SIGKILL: no final rewrite or fsync) and keeps its data for a later {@link #start()}: a write
     * it answered was already written to the append-only file (the page cache has it), as with a crashed process.
     */
    public void kill() {
        process.kill();
    }

    public int port() {
        return port;
    }

    /** The address in the form Quarkus's {@code quarkus.redis.hosts} takes. */
    public String uri() {
        return "redis://127.0.0.1:" + port;
    }

    public String executable() {
        return executable;
    }

    @Override
    public void close() {
        stop();
    }

    private boolean answersPing() {
        if (!isRunning()) {
            throw new IllegalStateException("redis-server exited during start (log: " + process.current().log() + ")");
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            socket.setSoTimeout(1000);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            byte[] reply = new byte[7];
            int read = socket.getInputStream().read(reply);
            return read > 0 && new String(reply, 0, read, StandardCharsets.US_ASCII).startsWith("+PONG");
        } catch (IOException notYet) {
            return false;
        }
    }

    private static Optional<String> onPath() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            File candidate = new File(dir, "redis-server");
            if (candidate.isFile() && candidate.canExecute()) {
                return Optional.of(candidate.getAbsolutePath());
            }
        }
        return Optional.empty();
    }

    private static String extractBundled(Path home) {
        String resource = bundledBinaryName();
        Path target = home.resolve("redis-server");
        try (InputStream in = RedisServer.class.getResourceAsStream("/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("no redis-server on the PATH and no bundled " + resource);
            }
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract " + resource, e);
        }
        if (!target.toFile().setExecutable(true, true)) {
            throw new IllegalStateException("cannot make " + target + " executable");
        }
        return target.toString();
    }

    private static String bundledBinaryName() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        boolean arm = arch.contains("aarch64") || arch.contains("arm64");
        if (os.contains("linux")) {
            return arm ? "redis-server-6.2.7-linux-arm64" : "redis-server-6.2.6-v5-linux-amd64";
        }
        if (os.contains("mac")) {
            return arm ? "redis-server-6.2.6-v5-darwin-arm64" : "redis-server-6.2.6-v5-darwin-amd64";
        }
        throw new IllegalStateException("no bundled redis-server for " + os + "/" + arch + ": install redis-server");
    }
}
