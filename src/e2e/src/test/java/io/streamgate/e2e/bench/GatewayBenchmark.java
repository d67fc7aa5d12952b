package io.streamgate.e2e.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

import org.HdrHistogram.Histogram;

import io.streamgate.devstack.Service;
import io.streamgate.devstack.SharedData;
import io.streamgate.devstack.Stack;
import io.streamgate.platform.identity.Role;

/**
 * The gateway's fan-out under load (issue 4): the whole stack from its packaged jars, N SkySpy clients
 * on {@code /ws/aircraft/}, and the Swiss ADS-B recording replayed through ingest at 10× while the
 * clients time every position from its event time. One round per client count; a program, not a test.
 *
 * <pre>
 * ./mvnw -B -Pgateway-bench -Dgateway-bench.args="--clients=1000,5000,10000"
 * </pre>
 *
 * Options ({@code --name=value}): {@code clients} (comma separated, 1000,5000,10000), {@code warmup}
 * (15s), {@code measure} (60s), {@code speed} (10), {@code connect-concurrency} (200),
 * {@code event-loops} (2), {@code idle-settle} (5s), {@code empty-wait} (90s: how long to wait between
 * rounds for ingest to time the replayed aircraft out, so every round starts from an empty picture),
 * {@code jfr} (none, last or all: record the gateway with JFR from warm-up to the end of the window),
 * {@code out} (target/gateway-bench), {@code max-minutes} (45: the whole run is stopped after this).
 * The gateway's JVM takes extra options from {@code -Dstreamgate.devstack.gateway-service.jvm-args}.
 */
public final class GatewayBenchmark {

    private static final int PRIMER_CLIENTS = 200;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    record Options(List<Integer> clients, Duration warmup, Duration measure, double speed, int connectConcurrency,
            int eventLoops, Duration idleSettle, Duration emptyWait, String jfr, Path out, int maxMinutes) {

        static Options parse(String[] args) {
            Map<String, String> given = new java.util.LinkedHashMap<>();
            for (String arg : args) {
                for (String option : arg.strip().split("\\s+")) {
                    if (option.isEmpty()) {
                        continue;
                    }
                    if (!option.startsWith("--") || !option.contains("=")) {
                        throw new IllegalArgumentException("options are --name=value, not " + option);
                    }
                    given.put(option.substring(2, option.indexOf('=')), option.substring(option.indexOf('=') + 1));
                }
            }
            Options options = new Options(
                    Arrays.stream(given.getOrDefault("clients", "1000,5000,10000").split(",")).map(String::strip)
                            .map(Integer::parseInt).toList(),
                    duration(given.getOrDefault("warmup", "15s")),
                    duration(given.getOrDefault("measure", "60s")),
                    Double.parseDouble(given.getOrDefault("speed", "10")),
                    Integer.parseInt(given.getOrDefault("connect-concurrency", "200")),
                    Integer.parseInt(given.getOrDefault("event-loops", "2")),
                    duration(given.getOrDefault("idle-settle", "5s")),
                    duration(given.getOrDefault("empty-wait", "90s")),
                    given.getOrDefault("jfr", "none"),
                    Path.of(given.getOrDefault("out", "target/gateway-bench")),
                    Integer.parseInt(given.getOrDefault("max-minutes", "45")));
            Set<String> known = Set.of("clients", "warmup", "measure", "speed", "connect-concurrency", "event-loops",
                    "idle-settle", "empty-wait", "jfr", "out", "max-minutes");
            given.keySet().stream().filter(k -> !known.contains(k)).findFirst().ifPresent(k -> {
                throw new IllegalArgumentException("unknown option --" + k + "; known: " + known);
            });
            if (!Set.of("none", "last", "all").contains(options.jfr())) {
                throw new IllegalArgumentException("--jfr is none, last or all");
            }
            return options;
        }

        private static Duration duration(String text) {
            String t = text.strip().toLowerCase(Locale.ROOT);
            if (t.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            }
            long value = Long.parseLong(t.substring(0, t.length() - 1));
            return switch (t.charAt(t.length() - 1)) {
                case 's' -> Duration.ofSeconds(value);
                case 'm' -> Duration.ofMinutes(value);
                default -> throw new IllegalArgumentException("durations are like 500ms, 15s, 2m: " + text);
            };
        }
    }

    /** Everything one round measured. Rates are per second of the measurement window. */
    record Round(int requested, int idleConnected, int connected, int gatewayConnections, double connectSeconds, double messagesPerSecond,
            double framesPerSecond, double bytesPerSecond, double positionsPerSecond, double completeness,
            ClientFleet.Spread deliveries,
            long p50, long p99, long p999, long max, long latencySamples, long postP50, long postP99,
            double postedPositionsPerSecond, long postFailures, double gatewayCpu, long gatewayRssMax,
            double benchCpu, double machineBusy, long rssIdle0, long rssIdleN, long heapIdle0, long heapIdleN,
            long refused, long resyncs, long conflated, long windowSnapshots, Map<Integer, Long> serverCloses, String loadBefore) {

        double rssPerConnection() {
            return idleConnected == 0 ? Double.NaN : (rssIdleN - rssIdle0) / (double) idleConnected;
        }

        double heapPerConnection() {
            return idleConnected == 0 ? Double.NaN : (heapIdleN - heapIdle0) / (double) idleConnected;
        }
    }

    private final Options options;
    private final PrintStream log = System.out;

    private GatewayBenchmark(Options options) {
        this.options = options;
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("gateway benchmark: " + e.getMessage());
            System.exit(2);
            return;
        }
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(Duration.ofMinutes(options.maxMinutes()).toMillis());
                System.err.println("gateway benchmark: over " + options.maxMinutes() + " min, stopping");
                // Shutdown hooks stop the child processes (see ChildProcess).
                System.exit(3);
            } catch (InterruptedException done) {
                // finished in time
            }
        }, "bench-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        int status = 0;
        try {
            new GatewayBenchmark(options).run(args);
        } catch (Exception e) {
            e.printStackTrace();
            status = 1;
        }
        // Vert.x and HTTP client threads must not keep the JVM alive after the stack is gone.
        System.exit(status);
    }

    private void run(String[] args) throws Exception {
        Files.createDirectories(options.out());
        String gatewayJvmArgs = System.getProperty(Service.GATEWAY.jvmArgsProperty(), "");
        say("gateway benchmark: rounds %s, warm-up %s, window %s, replay ×%.0f, gateway JVM extra [%s]",
                options.clients(), options.warmup(), options.measure(), options.speed(), gatewayJvmArgs);
        say("open-files limit of this JVM: %d; machine load %s", ProcStats.maxOpenFiles(ProcessHandle.current().pid()),
                ProcStats.loadAverage());
        List<Round> rounds = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        long started = System.nanoTime();
        Stack stack = null;
        ClientFleet fleet = null;
        SwissReplay replay = null;
        try {
            stack = Stack.start(false);
            long gatewayPid = stack.process(Service.GATEWAY).pid();
            URI gateway = stack.url(Service.GATEWAY);
            say("stack up in %.1f s; gateway pid %d at %s (open-files limit %d)", (System.nanoTime() - started) / 1e9,
                    gatewayPid, gateway, ProcStats.maxOpenFiles(gatewayPid));
            String token = stack.infrastructure().credentials().token("default", "gateway-bench", Set.of(Role.USER),
                    Duration.ofHours(4));
            replay = SwissReplay.load(SharedData.file("adsb/switzerland.json.gz"), stack.url(Service.INGEST), token,
                    options.speed());
            Duration replayed = Duration.ofMillis(Math.round(
                    (options.warmup().toMillis() + options.measure().toMillis()) * options.speed()));
            long replayStart = replay.busiestStart(replayed);
            say("recording: %d rows; each round replays %s of it from %s (%d rows, the busiest stretch)",
                    replay.rows(), replayed, Instant.ofEpochMilli(replayStart), replay.rowsIn(replayStart, replayed));
            fleet = new ClientFleet(URI.create(gateway.toString().replaceFirst("^http", "ws")).resolve("/ws/aircraft/"),
                    options.eventLoops());
            // Loads and compiles the connection path once, so the first round's idle figures are not
            // charged with it.
            fleet.connect(PRIMER_CLIENTS, options.connectConcurrency(), Duration.ofMinutes(1));
            fleet.closeAll(Duration.ofSeconds(30));
            await(Duration.ofSeconds(30), () ->
                    gatewayMetric(gateway, "streamgate_gateway_connections") == 0);
            for (int i = 0; i < options.clients().size(); i++) {
                boolean last = i == options.clients().size() - 1;
                boolean profile = "all".equals(options.jfr()) || (last && "last".equals(options.jfr()));
                Round round;
                try {
                    round = round(stack, fleet, replay, replayStart, options.clients().get(i), i > 0, profile);
                } catch (Exception | OutOfMemoryError e) {
                    // The gateway may be gone or wedged: later rounds would measure nothing.
                    String failure = options.clients().get(i) + " clients: round failed: " + e;
                    failures.add(failure);
                    say("%s", failure);
                    e.printStackTrace(log);
                    if (profile) {
                        stopRecordingQuietly(stack.process(Service.GATEWAY).pid());
                    }
                    break;
                }
                rounds.add(round);
                say("round of %d: %,.0f msgs/s, p50 %d ms, p99 %d ms, max %d ms, gateway CPU %.0f %%",
                        round.requested(), round.messagesPerSecond(), round.p50(), round.p99(), round.max(),
                        round.gatewayCpu());
            }
        } finally {
            if (replay != null) {
                replay.close();
            }
            if (fleet != null) {
                fleet.close();
            }
            if (stack != null) {
                stack.close();
                say("stack stopped");
            }
            String report = report(rounds, failures, args, gatewayJvmArgs);
            log.println();
            log.println(report);
            Files.writeString(options.out().resolve("results.md"), report);
            say("written to %s", options.out().resolve("results.md").toAbsolutePath());
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException(failures.size() + " round(s) failed");
        }
    }

    private static void stopRecordingQuietly(long pid) {
        try {
            JvmTools.jcmd(pid, "JFR.stop", "name=gwbench");
        } catch (RuntimeException gone) {
            // the gateway is wedged or gone: its recording with it
        }
    }


    private Round round(Stack stack, ClientFleet fleet, SwissReplay replay, long replayStart, int clients,
            boolean waitForEmptyPicture, boolean profile) throws Exception {
        long gatewayPid = stack.process(Service.GATEWAY).pid();
        URI gateway = stack.url(Service.GATEWAY);
        long limit = Math.min(ProcStats.maxOpenFiles(gatewayPid), ProcStats.maxOpenFiles(ProcessHandle.current().pid()));
        if (clients + 1_000 > limit) {
            throw new IllegalStateException(clients + " clients need an open-files limit over " + (clients + 1_000)
                    + " in the gateway and here; it is " + limit + " (raise ulimit -n)");
        }
        say("— round of %d clients —", clients);
        if (waitForEmptyPicture) {
            // Ingest times the replayed aircraft out 60 s after their last fix; until then every new
            // client would get a snapshot of them, and rounds would not start alike.
            boolean empty = await(options.emptyWait(), () ->
                    gatewayMetric(gateway, "streamgate_gateway_aircraft_tracked") == 0);
            say("aircraft picture %s", empty ? "empty" : "not empty after " + options.emptyWait() + " (continuing)");
        }
        String loadBefore = ProcStats.loadAverage();

        JvmTools.settle(gatewayPid);
        long rss0 = ProcStats.rssBytes(gatewayPid);
        long heap0 = heapUsed(gateway);
        say("idle gateway, 0 clients: RSS %s, heap used %s", mib(rss0), mib(heap0));

        long snapshotsBefore = fleet.totals().snapshots();
        long connectStart = System.nanoTime();
        int opened = fleet.connect(clients, options.connectConcurrency(), Duration.ofMinutes(3));
        double connectSeconds = (System.nanoTime() - connectStart) / 1e9;
        say("connected %d of %d in %.1f s (%d failed)", opened, clients, connectSeconds, fleet.failedConnects());
        boolean snapshotsIn = await(Duration.ofSeconds(60),
                () -> fleet.totals().snapshots() - snapshotsBefore >= opened);
        if (!snapshotsIn) {
            say("only %d of %d snapshots arrived within 60 s", fleet.totals().snapshots() - snapshotsBefore, opened);
        }
        Thread.sleep(options.idleSettle().toMillis());
        JvmTools.settle(gatewayPid);
        long rssN = ProcStats.rssBytes(gatewayPid);
        long heapN = heapUsed(gateway);
        int idleConnected = fleet.openCount();
        say("idle gateway, %d clients: RSS %s, heap used %s → %.1f KB RSS and %.1f KB heap per connection", idleConnected,
                mib(rssN), mib(heapN), (rssN - rss0) / 1024.0 / idleConnected, (heapN - heap0) / 1024.0 / idleConnected);

        Path jfrFile = options.out().resolve("gateway-" + clients + ".jfr").toAbsolutePath();
        if (profile) {
            // Started before the warm-up: the first recording of a JVM costs it a few seconds of
            // start-up, which would otherwise land in the measurement window.
            Files.deleteIfExists(jfrFile);
            JvmTools.jcmd(gatewayPid, "JFR.start", "name=gwbench", "settings=profile", "filename=" + jfrFile);
        }
        replay.start(replayStart);
        say("replaying; warm-up %s", options.warmup());
        Thread.sleep(options.warmup().toMillis());

        String metricsBefore = metricsOrNull(gateway);
        ClientFleet.Totals before = fleet.totals();
        SwissReplay.Totals postedBefore = replay.totals();
        fleet.takeLatencies();
        replay.takePostLatencies();
        long gwCpu0 = ProcStats.cpuNanos(gatewayPid);
        long benchCpu0 = ProcStats.cpuNanos(ProcessHandle.current().pid());
        long[] machine0 = ProcStats.machineTicks();
        long windowStart = System.nanoTime();
        long windowStartMillis = System.currentTimeMillis();
        long windowEndMillis = windowStartMillis + options.measure().toMillis();
        fleet.window(windowStartMillis, windowEndMillis);
        replay.window(windowStartMillis, windowEndMillis);
        say("measuring for %s", options.measure());
        long rssMax = 0;
        long windowEnd = windowStart + options.measure().toNanos();
        while (System.nanoTime() < windowEnd) {
            rssMax = Math.max(rssMax, ProcStats.rssBytes(gatewayPid));
            Thread.sleep(Math.min(1_000, Math.max(1, (windowEnd - System.nanoTime()) / 1_000_000)));
        }
        double seconds = (System.nanoTime() - windowStart) / 1e9;
        long gwCpu = ProcStats.cpuNanos(gatewayPid) - gwCpu0;
        long benchCpu = ProcStats.cpuNanos(ProcessHandle.current().pid()) - benchCpu0;
        long[] machine1 = ProcStats.machineTicks();
        ClientFleet.Totals window = fleet.totals().minus(before);
        SwissReplay.Totals posted = replay.totals().minus(postedBefore);
        Histogram latency = fleet.takeLatencies();
        Histogram postLatency = replay.takePostLatencies();
        rssMax = Math.max(rssMax, ProcStats.rssBytes(gatewayPid));
        int connected = fleet.openCount();
        String metricsAfter = metricsOrNull(gateway);
        int gatewayConnections = metricsAfter == null ? -1
                : (int) JvmTools.metric(metricsAfter, "streamgate_gateway_connections", "");
        if (profile) {
            stopRecordingQuietly(gatewayPid);
            try {
                String histogram = JvmTools.jcmd(gatewayPid, "GC.class_histogram");
                Files.writeString(options.out().resolve("histogram-" + clients + ".txt"), histogram);
                log.println(histogram.lines().limit(25).collect(java.util.stream.Collectors.joining("\n")));
            } catch (RuntimeException e) {
                say("no heap histogram: %s", e.getMessage());
            }
        }
        replay.stop();
        say("window over; %d clients open (gateway counts %d); replay stopped", connected, gatewayConnections);
        // Positions sent in the window that were still on their way when it closed.
        long settleEnd = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        for (long seen = -1; fleet.windowPositions() != seen && System.nanoTime() < settleEnd; ) {
            seen = fleet.windowPositions();
            Thread.sleep(2_000);
        }
        long expected = replay.windowPositions() * (long) connected;
        double completeness = expected == 0 ? Double.NaN : fleet.windowPositions() / (double) expected;
        say("positions sent in the window: %d accepted by ingest; received by clients: %d of %d expected (%.4f)",
                replay.windowPositions(), fleet.windowPositions(), expected, completeness);
        ClientFleet.Spread deliveries = fleet.deliveries(replay.windowPositions());
        say("per client (%d counted): the worst got %d of the %d published (%.4f), the best %d",
                deliveries.clients(), deliveries.fewest(), deliveries.published(), deliveries.worstShare(),
                deliveries.most());
        if (!fleet.firstUnexpectedCloses().isEmpty()) {
            say("closes the clients did not ask for (first few): %s", fleet.firstUnexpectedCloses());
        }
        if (!replay.lastFailure().isEmpty()) {
            say("last failed POST: %s", replay.lastFailure());
        }
        try (PrintStream hgrm = new PrintStream(options.out().resolve("latency-" + clients + ".hgrm").toFile())) {
            latency.outputPercentileDistribution(hgrm, 1.0);
        }
        if (profile) {
            try {
                String summary = JvmTools.summarizeProfile(jfrFile, 20);
                Files.writeString(options.out().resolve("profile-" + clients + ".txt"), summary);
                log.println(summary);
            } catch (IOException e) {
                // A JVM out of heap may not finish writing its recording; the round's figures still stand.
                say("no profile: %s", e.getMessage());
            }
        }

        fleet.closeAll(Duration.ofSeconds(60));
        boolean drained = await(Duration.ofSeconds(60), () ->
                gatewayMetric(gateway, "streamgate_gateway_connections") == 0);
        say("clients closed; gateway connections %s", drained ? "0" : "still open after 60 s");

        return new Round(clients, idleConnected, connected, gatewayConnections, connectSeconds,
                window.messages() / seconds, window.frames() / seconds, window.bytes() / seconds,
                window.positions() / seconds, completeness, deliveries,
                latency.getValueAtPercentile(50), latency.getValueAtPercentile(99), latency.getValueAtPercentile(99.9),
                latency.getMaxValue(), latency.getTotalCount(), postLatency.getValueAtPercentile(50),
                postLatency.getValueAtPercentile(99), posted.positions() / seconds, posted.failed(),
                100.0 * gwCpu / 1e9 / seconds, rssMax, 100.0 * benchCpu / 1e9 / seconds,
                100.0 * (machine1[0] - machine0[0]) / Math.max(1, machine1[1] - machine0[1]),
                rss0, rssN, heap0, heapN,
                delta(metricsBefore, metricsAfter, "streamgate_gateway_frames_refused_total"),
                delta(metricsBefore, metricsAfter, "streamgate_gateway_resyncs_total"),
                delta(metricsBefore, metricsAfter, "streamgate_gateway_conflated_total"),
                window.snapshots(), fleet.serverCloses(), loadBefore);
    }

    /** The gateway's metrics, or null when it does not answer (overloaded): the round's other figures stand. */
    private String metricsOrNull(URI gateway) {
        try {
            return JvmTools.metrics(gateway);
        } catch (IllegalStateException e) {
            say("gateway metrics unavailable: %s", e.getCause() == null ? e : e.getCause());
            return null;
        }
    }

    /** One of the gateway's figures, or NaN while it does not answer. */
    private static double gatewayMetric(URI gateway, String name) {
        try {
            return JvmTools.metric(JvmTools.metrics(gateway), name, "");
        } catch (IllegalStateException overloaded) {
            return Double.NaN;
        }
    }

    private static long heapUsed(URI gateway) {
        return (long) JvmTools.metric(JvmTools.metrics(gateway), "jvm_memory_used_bytes", "area=\"heap\"");
    }

    private static long delta(String before, String after, String name) {
        if (before == null || after == null) {
            return -1;
        }
        return Math.round(JvmTools.metric(after, name, "") - JvmTools.metric(before, name, ""));
    }

    private String report(List<Round> rounds, List<String> failures, String[] args, String gatewayJvmArgs) {
        StringBuilder out = new StringBuilder();
        out.append(String.format("Gateway fan-out, %s UTC; %d cores, %d GiB; rounds %s, warm-up %s, window %s, "
                + "replay ×%.0f; gateway JVM extra [%s]; args %s%n%n",
                DateTimeFormatter.ISO_LOCAL_DATE_TIME.withZone(ZoneOffset.UTC).format(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)),
                Runtime.getRuntime().availableProcessors(), memoryGib(), options.clients(), options.warmup(),
                options.measure(), options.speed(), gatewayJvmArgs, String.join(" ", args)));
        out.append("| clients (open / gateway) | msgs/s | frames/s | MB/s | event→client p50 / p99 / p99.9 / max (ms) "
                + "| delivered / expected | worst client: delivered / published (share) "
                + "| ingest 202 p50 / p99 (ms) | gateway CPU (% of a core) | gateway RSS max "
                + "| idle RSS per conn | idle heap per conn | load tool CPU | machine busy | refused / resyncs "
                + "| load before |\n");
        out.append("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
        for (Round r : rounds) {
            out.append(String.format(Locale.ROOT,
                    "| %d (%d / %d) | %,.0f | %,.0f | %.1f | %d / %d / %d / %d | %.3f | %d / %d (%.3f) | %d / %d "
                            + "| %.0f %% | %s | %.1f KB | %.1f KB | %.0f %% | %.0f %% | %d / %d | %s |%n",
                    r.requested(), r.connected(), r.gatewayConnections(), r.messagesPerSecond(), r.framesPerSecond(),
                    r.bytesPerSecond() / 1e6, r.p50(), r.p99(), r.p999(), r.max(), r.completeness(),
                    r.deliveries().fewest(), r.deliveries().published(), r.deliveries().worstShare(), r.postP50(),
                    r.postP99(), r.gatewayCpu(), mib(r.gatewayRssMax()), r.rssPerConnection() / 1024,
                    r.heapPerConnection() / 1024, r.benchCpu(), r.machineBusy(), r.refused(), r.resyncs(),
                    r.loadBefore()));
        }
        out.append('\n');
        for (Round r : rounds) {
            out.append(String.format(Locale.ROOT,
                    "- %d clients: connected in %.1f s; %,d latency samples; %.1f positions/s posted (%d failed "
                            + "POSTs; %d positions conflated by the gateway, i.e. not expected by every client); idle RSS %s → %s, "
                            + "heap %s → %s; %d snapshots in the window; server closes %s; window positions per "
                            + "client (%d counted): fewest %d, most %d, of %d published%n",
                    r.requested(), r.connectSeconds(), r.latencySamples(), r.postedPositionsPerSecond(),
                    r.postFailures(), r.conflated(), mib(r.rssIdle0()), mib(r.rssIdleN()), mib(r.heapIdle0()), mib(r.heapIdleN()),
                    r.windowSnapshots(), r.serverCloses(), r.deliveries().clients(), r.deliveries().fewest(),
                    r.deliveries().most(), r.deliveries().published()));
        }
        failures.forEach(f -> out.append("- ").append(f).append('\n'));
        return out.toString();
    }

    private static long memoryGib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return Math.round(Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0);
                }
            }
        } catch (IOException e) {
            // reported as 0
        }
        return 0;
    }

    private static boolean await(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(500);
        }
        return condition.getAsBoolean();
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.0f MiB", bytes / 1024.0 / 1024.0);
    }

    private void say(String format, Object... args) {
        log.printf("[%s] %s%n", CLOCK.format(Instant.now()), String.format(Locale.ROOT, format, args));
    }
}
