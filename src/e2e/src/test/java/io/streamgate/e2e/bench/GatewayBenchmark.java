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
 * With {@code --targets} it also loads the peers of issue 20 ({@link Peers}: Nchan, a Node ws broadcaster,
 * the write-only limit) with the same clients and the same replay, in one run: per client count the
 * targets go A B C D, then D C B A ({@code passes}), so contention that drifts during the run biases no
 * ratio; a saturation run then raises the replay's speed at a fixed client count.
 *
 * <pre>
 * ./mvnw -B -Pgateway-bench -Dgateway-bench.args="--clients=1000,5000,10000"
 * ./mvnw -B -ntp -Pgateway-bench -Dpeers=all -pl src/e2e -am
 * </pre>
 *
 * Options ({@code --name=value}): {@code clients} (comma separated, 1000,5000,10000), {@code warmup}
 * (15s), {@code measure} (60s), {@code speed} (10), {@code connect-concurrency} (200),
 * {@code event-loops} (2), {@code idle-settle} (5s), {@code empty-wait} (90s: how long to wait between
 * rounds for ingest to time the replayed aircraft out, so every round starts from an empty picture),
 * {@code jfr} (none, last or all: record the gateway with JFR from warm-up to the end of the window),
 * {@code out} (target/gateway-bench), {@code max-minutes} (45, 150 with peers: the whole run is stopped after this),
 * {@code targets} (streamgate; a list of streamgate, nchan, node, write-only, or all), {@code passes} (1 for
 * StreamGate alone, else 2), {@code transport} (ws or sse), {@code window} (200ms: the peers' batch window;
 * keep it equal to the gateway's {@code streamgate.skyspy.batch.window}), {@code saturation-clients} (5000 with
 * peers, else 0: no saturation run), {@code saturation-speeds} (10,20,40).
 * The gateway's JVM takes extra options from {@code -Dstreamgate.devstack.gateway-service.jvm-args}.
 */
public final class GatewayBenchmark {

    private static final int PRIMER_CLIENTS = 200;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    record Options(List<Integer> clients, Duration warmup, Duration measure, double speed, int connectConcurrency,
            int eventLoops, Duration idleSettle, Duration emptyWait, String jfr, Path out, int maxMinutes,
            List<String> targets, int passes, String transport, Duration window, int saturationClients,
            List<Double> saturationSpeeds) {

        static final List<String> ALL_TARGETS = List.of("streamgate", "nchan", "node", "write-only");

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
            boolean withPeers = targets(given.getOrDefault("targets", "streamgate")).size() > 1;
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
                    Integer.parseInt(given.getOrDefault("max-minutes", withPeers ? "150" : "45")),
                    targets(given.getOrDefault("targets", "streamgate")),
                    Integer.parseInt(given.getOrDefault("passes", "0")),
                    given.getOrDefault("transport", "ws"),
                    duration(given.getOrDefault("window", "200ms")),
                    Integer.parseInt(given.getOrDefault("saturation-clients", withPeers ? "5000" : "0")),
                    Arrays.stream(given.getOrDefault("saturation-speeds", "10,20,40").split(",")).map(String::strip)
                            .map(Double::parseDouble).toList());
            if (options.passes() == 0) {
                options = new Options(options.clients(), options.warmup(), options.measure(), options.speed(),
                        options.connectConcurrency(), options.eventLoops(), options.idleSettle(), options.emptyWait(),
                        options.jfr(), options.out(), options.maxMinutes(), options.targets(),
                        options.targets().size() == 1 ? 1 : 2, options.transport(), options.window(),
                        options.saturationClients(), options.saturationSpeeds());
            }
            Set<String> known = Set.of("clients", "warmup", "measure", "speed", "connect-concurrency", "event-loops",
                    "idle-settle", "empty-wait", "jfr", "out", "max-minutes", "targets", "passes", "transport", "window",
                    "saturation-clients", "saturation-speeds");
            given.keySet().stream().filter(k -> !known.contains(k)).findFirst().ifPresent(k -> {
                throw new IllegalArgumentException("unknown option --" + k + "; known: " + known);
            });
            if (!Set.of("none", "last", "all").contains(options.jfr())) {
                throw new IllegalArgumentException("--jfr is none, last or all");
            }
            if (!Set.of("ws", "sse").contains(options.transport())) {
                throw new IllegalArgumentException("--transport is ws or sse");
            }
            return options;
        }

        private static List<String> targets(String text) {
            List<String> targets = Arrays.stream(text.split(",")).map(String::strip).filter(t -> !t.isEmpty()).distinct()
                    .toList();
            if (targets.contains("all")) {
                return ALL_TARGETS;
            }
            targets.stream().filter(t -> !ALL_TARGETS.contains(t)).findFirst().ifPresent(t -> {
                throw new IllegalArgumentException("unknown target " + t + "; known: " + ALL_TARGETS + " or all");
            });
            return targets;
        }

        /** The peers among the targets, in the order given. */
        List<String> peers() {
            return targets.stream().filter(t -> !"streamgate".equals(t)).toList();
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
    record Round(String target, int pass, double speed, double helperCpu, long helperRssMax, String loadAfter,
            int requested, int idleConnected, int connected, int gatewayConnections, double connectSeconds, double messagesPerSecond,
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
            return idleConnected == 0 || heapIdle0 < 0 ? Double.NaN : (heapIdleN - heapIdle0) / (double) idleConnected;
        }

        /** Every client got (nearly) every position in time: the worst client 99 %, p99 under 2 s. */
        boolean keptUp() {
            return connected == requested && deliveries.worstShare() >= 0.99 && p99 < 2_000;
        }

        /** The server's CPU (and the helper's) per 1,000 delivered messages, milliseconds. */
        double cpuPerThousand(boolean withHelper) {
            double cpu = gatewayCpu + (withHelper ? helperCpu : 0);
            return messagesPerSecond == 0 ? Double.NaN : cpu * 10 / messagesPerSecond * 1_000;
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
        say("gateway benchmark: targets %s (%d pass(es)), %s, rounds %s, warm-up %s, window %s, replay ×%.0f, "
                + "batch window %s, gateway JVM extra [%s]", options.targets(), options.passes(), options.transport(),
                options.clients(), options.warmup(), options.measure(), options.speed(), options.window(), gatewayJvmArgs);
        say("open-files limit of this JVM: %d; machine load %s", ProcStats.maxOpenFiles(ProcessHandle.current().pid()),
                ProcStats.loadAverage());
        List<Round> rounds = new ArrayList<>();
        List<Round> saturation = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        long started = System.nanoTime();
        Stack stack = null;
        Peers peers = null;
        Map<String, ClientFleet> fleets = new java.util.LinkedHashMap<>();
        SwissReplay replay = null;
        try {
            stack = Stack.start(false);
            long gatewayPid = stack.process(Service.GATEWAY).pid();
            URI gateway = stack.url(Service.GATEWAY);
            say("stack up in %.1f s; gateway pid %d at %s (open-files limit %d)", (System.nanoTime() - started) / 1e9,
                    gatewayPid, gateway, ProcStats.maxOpenFiles(gatewayPid));
            Map<String, Target> targets = new java.util.LinkedHashMap<>();
            URI ws = URI.create(gateway.toString().replaceFirst("^http", "ws"));
            Target streamgate = new Target("streamgate", ws.resolve("/ws/aircraft/"), gateway.resolve("/sse/aircraft/"),
                    List.of(ProcessHandle.of(gatewayPid).orElseThrow()), List.of(), true);
            if (!options.peers().isEmpty()) {
                peers = Peers.start(options.peers(), stack.infrastructure().kafka().bootstrapServers(), options.window(),
                        options.out().toAbsolutePath());
                peers.targets().forEach(t -> say("peer %s: %s, pids %s", t.name(), t.webSocket(),
                        t.servers().stream().map(ProcessHandle::pid).toList()));
            }
            for (String name : options.targets()) {
                targets.put(name, "streamgate".equals(name) ? streamgate
                        : peers.targets().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow());
            }
            String token = stack.infrastructure().credentials().token("default", "gateway-bench", Set.of(Role.USER),
                    Duration.ofHours(4));
            replay = SwissReplay.load(SharedData.file("adsb/switzerland.json.gz"), stack.url(Service.INGEST), token,
                    options.speed());
            for (Target target : targets.values()) {
                ClientFleet fleet = new ClientFleet(target.webSocket(), options.eventLoops());
                fleets.put(target.name(), fleet);
                // Loads and compiles the connection path once, so the first round's idle figures are not
                // charged with it.
                connect(fleet, target, PRIMER_CLIENTS, Duration.ofMinutes(1));
                fleet.closeAll(Duration.ofSeconds(30));
                awaitDrained(target, gateway);
            }
            List<Target> order = List.copyOf(targets.values());
            int clientCountIndex = 0;
            outer:
            for (int clients : options.clients()) {
                boolean lastCount = ++clientCountIndex == options.clients().size();
                for (int pass = 1; pass <= options.passes(); pass++) {
                    List<Target> passOrder = new ArrayList<>(order);
                    if (pass % 2 == 0) {
                        java.util.Collections.reverse(passOrder);
                    }
                    for (Target target : passOrder) {
                        boolean profile = target.gateway() && ("all".equals(options.jfr())
                                || (lastCount && pass == 1 && "last".equals(options.jfr())));
                        Round round = guardedRound(stack, target, fleets.get(target.name()), replay, options.speed(),
                                clients, pass, profile, failures);
                        if (round == null) {
                            break outer;
                        }
                        rounds.add(round);
                    }
                }
            }
            if (options.saturationClients() > 0 && failures.isEmpty()) {
                int step = 0;
                sat:
                for (double speed : options.saturationSpeeds()) {
                    List<Target> passOrder = new ArrayList<>(order);
                    if (step++ % 2 == 1) {
                        java.util.Collections.reverse(passOrder);
                    }
                    for (Target target : passOrder) {
                        Round round = guardedRound(stack, target, fleets.get(target.name()), replay, speed,
                                options.saturationClients(), step, false, failures);
                        if (round == null) {
                            break sat;
                        }
                        saturation.add(round);
                    }
                }
            }
        } finally {
            if (replay != null) {
                replay.close();
            }
            fleets.values().forEach(ClientFleet::close);
            if (peers != null) {
                peers.close();
            }
            if (stack != null) {
                stack.close();
                say("stack stopped");
            }
            String report = report(rounds, saturation, failures, args, gatewayJvmArgs);
            log.println();
            log.println(report);
            Files.writeString(options.out().resolve("results.md"), report);
            say("written to %s", options.out().resolve("results.md").toAbsolutePath());
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException(failures.size() + " round(s) failed");
        }
    }

    /** A round, or null when it failed: the target may be gone or wedged, so later rounds would measure nothing. */
    private Round guardedRound(Stack stack, Target target, ClientFleet fleet, SwissReplay replay, double speed,
            int clients, int pass, boolean profile, List<String> failures) {
        try {
            Round round = round(stack, target, fleet, replay, speed, clients, pass, profile);
            say("%s, %d clients, pass %d, ×%.0f: %,.0f msgs/s, p50 %d ms, p99 %d ms, max %d ms, worst client %.3f, "
                            + "server CPU %.0f %% (+ helper %.0f %%)", target.name(), clients, pass, speed,
                    round.messagesPerSecond(), round.p50(), round.p99(), round.max(), round.deliveries().worstShare(),
                    round.gatewayCpu(), round.helperCpu());
            return round;
        } catch (Exception | OutOfMemoryError e) {
            String failure = target.name() + ", " + clients + " clients, pass " + pass + ": round failed: " + e;
            failures.add(failure);
            say("%s", failure);
            e.printStackTrace(log);
            if (profile) {
                stopRecordingQuietly(stack.process(Service.GATEWAY).pid());
            }
            return null;
        }
    }

    private int connect(ClientFleet fleet, Target target, int clients, Duration timeout) throws InterruptedException {
        return "sse".equals(options.transport())
                ? fleet.connectSse(target.sse(), clients, options.connectConcurrency(), timeout)
                : fleet.connect(clients, options.connectConcurrency(), timeout);
    }

    /** Until the server counts no connection: the gateway says so; a peer is given a moment. */
    private void awaitDrained(Target target, URI gateway) throws InterruptedException {
        if (target.gateway()) {
            boolean drained = await(Duration.ofSeconds(60), () ->
                    gatewayMetric(gateway, "streamgate_gateway_connections") == 0);
            say("clients closed; gateway connections %s", drained ? "0" : "still open after 60 s");
        } else {
            Thread.sleep(2_000);
        }
    }

    private static void stopRecordingQuietly(long pid) {
        try {
            JvmTools.jcmd(pid, "JFR.stop", "name=gwbench");
        } catch (RuntimeException gone) {
            // the gateway is wedged or gone: its recording with it
        }
    }


    private Round round(Stack stack, Target target, ClientFleet fleet, SwissReplay replay, double speed, int clients,
            int pass, boolean profile) throws Exception {
        long gatewayPid = stack.process(Service.GATEWAY).pid();
        URI gateway = stack.url(Service.GATEWAY);
        boolean isGateway = target.gateway();
        long limit = Math.min(target.maxOpenFiles(), ProcStats.maxOpenFiles(ProcessHandle.current().pid()));
        if (clients + 1_000 > limit) {
            throw new IllegalStateException(clients + " clients need an open-files limit over " + (clients + 1_000)
                    + " in " + target.name() + " and here; it is " + limit + " (raise ulimit -n)");
        }
        say("— %s: round of %d %s clients, pass %d, replay ×%.0f —", target.name(), clients, options.transport(), pass,
                speed);
        Duration replayed = Duration.ofMillis(Math.round(
                (options.warmup().toMillis() + options.measure().toMillis()) * speed));
        long replayStart = replay.busiestStart(replayed);
        replay.speed(speed);
        if (isGateway) {
            // Ingest times the replayed aircraft out 60 s after their last fix; until then every new
            // client would get a snapshot of them, and rounds would not start alike.
            boolean empty = await(options.emptyWait(), () ->
                    gatewayMetric(gateway, "streamgate_gateway_aircraft_tracked") == 0);
            say("aircraft picture %s", empty ? "empty" : "not empty after " + options.emptyWait() + " (continuing)");
        }
        String loadBefore = ProcStats.loadAverage();

        if (isGateway) {
            JvmTools.settle(gatewayPid);
        }
        long rss0 = target.serverRssBytes();
        long heap0 = isGateway ? heapUsed(gateway) : -1;
        say("idle %s, 0 clients: RSS %s, heap used %s", target.name(), mib(rss0), mib(heap0));

        long snapshotsBefore = fleet.totals().snapshots();
        long connectStart = System.nanoTime();
        int opened = connect(fleet, target, clients, Duration.ofMinutes(3));
        double connectSeconds = (System.nanoTime() - connectStart) / 1e9;
        say("connected %d of %d in %.1f s (%d failed)", opened, clients, connectSeconds, fleet.failedConnects());
        // Only the gateway sends SkySpy's snapshot on connect; the peers, like a hand-written broadcaster, do not.
        boolean snapshotsIn = !isGateway || await(Duration.ofSeconds(60),
                () -> fleet.totals().snapshots() - snapshotsBefore >= opened);
        if (!snapshotsIn) {
            say("only %d of %d snapshots arrived within 60 s", fleet.totals().snapshots() - snapshotsBefore, opened);
        }
        Thread.sleep(options.idleSettle().toMillis());
        if (isGateway) {
            JvmTools.settle(gatewayPid);
        }
        long rssN = target.serverRssBytes();
        long heapN = isGateway ? heapUsed(gateway) : -1;
        int idleConnected = fleet.openCount();
        say("idle %s, %d clients: RSS %s, heap used %s → %.1f KB RSS and %.1f KB heap per connection", target.name(),
                idleConnected, mib(rssN), mib(heapN), (rssN - rss0) / 1024.0 / idleConnected, (heapN - heap0) / 1024.0 / idleConnected);

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

        String metricsBefore = isGateway ? metricsOrNull(gateway) : null;
        ClientFleet.Totals before = fleet.totals();
        SwissReplay.Totals postedBefore = replay.totals();
        fleet.takeLatencies();
        replay.takePostLatencies();
        long gwCpu0 = target.serverCpuNanos();
        long helperCpu0 = target.helperCpuNanos();
        long benchCpu0 = ProcStats.cpuNanos(ProcessHandle.current().pid());
        long[] machine0 = ProcStats.machineTicks();
        long windowStart = System.nanoTime();
        long windowStartMillis = System.currentTimeMillis();
        long windowEndMillis = windowStartMillis + options.measure().toMillis();
        fleet.window(windowStartMillis, windowEndMillis);
        replay.window(windowStartMillis, windowEndMillis);
        say("measuring for %s", options.measure());
        long rssMax = 0;
        long helperRssMax = 0;
        long windowEnd = windowStart + options.measure().toNanos();
        while (System.nanoTime() < windowEnd) {
            rssMax = Math.max(rssMax, target.serverRssBytes());
            helperRssMax = Math.max(helperRssMax, target.helperRssBytes());
            Thread.sleep(Math.min(1_000, Math.max(1, (windowEnd - System.nanoTime()) / 1_000_000)));
        }
        double seconds = (System.nanoTime() - windowStart) / 1e9;
        long gwCpu = target.serverCpuNanos() - gwCpu0;
        long helperCpu = target.helperCpuNanos() - helperCpu0;
        long benchCpu = ProcStats.cpuNanos(ProcessHandle.current().pid()) - benchCpu0;
        long[] machine1 = ProcStats.machineTicks();
        ClientFleet.Totals window = fleet.totals().minus(before);
        SwissReplay.Totals posted = replay.totals().minus(postedBefore);
        Histogram latency = fleet.takeLatencies();
        Histogram postLatency = replay.takePostLatencies();
        rssMax = Math.max(rssMax, target.serverRssBytes());
        String loadAfter = ProcStats.loadAverage();
        int connected = fleet.openCount();
        String metricsAfter = isGateway ? metricsOrNull(gateway) : null;
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
        String label = target.name() + "-" + options.transport() + "-" + clients + "-p" + pass + "-x" + Math.round(speed);
        try (PrintStream hgrm = new PrintStream(options.out().resolve("latency-" + label + ".hgrm").toFile())) {
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
        awaitDrained(target, gateway);

        return new Round(target.name(), pass, speed, 100.0 * helperCpu / 1e9 / seconds, helperRssMax, loadAfter, clients, idleConnected, connected, gatewayConnections, connectSeconds,
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

    private String report(List<Round> rounds, List<Round> saturation, List<String> failures, String[] args,
            String gatewayJvmArgs) {
        StringBuilder out = new StringBuilder();
        out.append(String.format("Gateway fan-out, %s UTC; %d cores, %d GiB; targets %s (%d pass(es)), %s clients; "
                + "rounds %s, warm-up %s, window %s, replay ×%.0f, batch window %s; gateway JVM extra [%s]; args %s%n%n",
                DateTimeFormatter.ISO_LOCAL_DATE_TIME.withZone(ZoneOffset.UTC).format(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)),
                Runtime.getRuntime().availableProcessors(), memoryGib(), options.targets(), options.passes(),
                options.transport(), options.clients(), options.warmup(), options.measure(), options.speed(),
                options.window(), gatewayJvmArgs, String.join(" ", args)));
        for (int clients : options.clients()) {
            List<Round> these = rounds.stream().filter(r -> r.requested() == clients).toList();
            if (these.isEmpty()) {
                continue;
            }
            out.append(String.format("### %,d clients%n%n", clients));
            table(out, these);
            ratios(out, these);
        }
        if (!saturation.isEmpty()) {
            out.append(String.format("### Saturation: %,d clients, replay ×%s%n%n", options.saturationClients(),
                    options.saturationSpeeds()));
            table(out, saturation);
            out.append("Highest delivered rate each target kept up with (worst client ≥ 99 %, p99 < 2 s):\n\n");
            Map<String, Double> best = new java.util.LinkedHashMap<>();
            for (String target : options.targets()) {
                double top = saturation.stream().filter(r -> r.target().equals(target) && r.keptUp())
                        .mapToDouble(Round::messagesPerSecond).max().orElse(0);
                double any = saturation.stream().filter(r -> r.target().equals(target))
                        .mapToDouble(Round::messagesPerSecond).max().orElse(0);
                best.put(target, top);
                out.append(String.format(Locale.ROOT, "- %s: %,.0f msgs/s kept up (highest delivered at any speed %,.0f)%n",
                        target, top, any));
            }
            Double ours = best.get("streamgate");
            if (ours != null) {
                best.forEach((target, top) -> {
                    if (!"streamgate".equals(target)) {
                        out.append(String.format(Locale.ROOT, "- StreamGate/%s at saturation: %.2f%n", target,
                                top == 0 ? Double.NaN : ours / top));
                    }
                });
            }
            out.append('\n');
        }
        for (Round r : concat(rounds, saturation)) {
            out.append(String.format(Locale.ROOT,
                    "- %s, %d clients, pass %d, ×%.0f: connected in %.1f s; %,d latency samples; %.1f positions/s posted (%d failed "
                            + "POSTs; %d positions conflated by the gateway, i.e. not expected by every client); idle RSS %s → %s, "
                            + "heap %s → %s; %d snapshots in the window; server closes %s; window positions per "
                            + "client (%d counted): fewest %d, most %d, of %d published%n",
                    r.target(), r.requested(), r.pass(), r.speed(), r.connectSeconds(), r.latencySamples(),
                    r.postedPositionsPerSecond(), r.postFailures(), r.conflated(), mib(r.rssIdle0()), mib(r.rssIdleN()),
                    mib(r.heapIdle0()), mib(r.heapIdleN()), r.windowSnapshots(), r.serverCloses(), r.deliveries().clients(),
                    r.deliveries().fewest(), r.deliveries().most(), r.deliveries().published()));
        }
        failures.forEach(f -> out.append("- ").append(f).append('\n'));
        return out.toString();
    }

    private static List<Round> concat(List<Round> a, List<Round> b) {
        List<Round> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static void table(StringBuilder out, List<Round> rounds) {
        out.append("| target | pass | ×speed | clients (open) | msgs/s | frames/s | MB/s | event→client p50 / p99 / p99.9 / max (ms) "
                + "| delivered / expected | worst client (share) | server CPU (% of a core) | + helper CPU | CPU ms per 1k msgs "
                + "| server RSS max | idle RSS per conn | idle heap per conn | load tool CPU | machine busy "
                + "| load avg before → after | refused / resyncs |\n");
        out.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: "
                + "| ---: | ---: | --- | --- |\n");
        for (Round r : rounds) {
            out.append(String.format(Locale.ROOT,
                    "| %s | %d | %.0f | %d (%d) | %,.0f | %,.0f | %.1f | %d / %d / %d / %d | %.3f | %d / %d (%.3f)%s "
                            + "| %.0f %% | %s | %.2f | %s | %.1f KB | %s | %.0f %% | %.0f %% | %s → %s | %s |%n",
                    r.target(), r.pass(), r.speed(), r.requested(), r.connected(), r.messagesPerSecond(),
                    r.framesPerSecond(), r.bytesPerSecond() / 1e6, r.p50(), r.p99(), r.p999(), r.max(), r.completeness(),
                    r.deliveries().fewest(), r.deliveries().published(), r.deliveries().worstShare(),
                    r.keptUp() ? "" : " **behind**", r.gatewayCpu(),
                    r.helperRssMax() == 0 ? "—" : String.format(Locale.ROOT, "%.0f %% (%s)", r.helperCpu(), mib(r.helperRssMax())),
                    r.cpuPerThousand(true), mib(r.gatewayRssMax()), r.rssPerConnection() / 1024,
                    Double.isNaN(r.heapPerConnection()) ? "—" : String.format(Locale.ROOT, "%.1f KB", r.heapPerConnection() / 1024),
                    r.benchCpu(), r.machineBusy(), r.loadBefore(), r.loadAfter(),
                    r.refused() < 0 ? "—" : r.refused() + " / " + r.resyncs()));
        }
        out.append('\n');
    }

    /** StreamGate against each peer, pass by pass (the passes ran in opposite orders). */
    private static void ratios(StringBuilder out, List<Round> rounds) {
        List<Round> ours = rounds.stream().filter(r -> "streamgate".equals(r.target())).toList();
        List<String> peers = rounds.stream().map(Round::target).filter(t -> !"streamgate".equals(t)).distinct().toList();
        if (ours.isEmpty() || peers.isEmpty()) {
            return;
        }
        out.append("| StreamGate / peer | pass | delivered msgs/s | CPU per delivered msg (peer incl. helper) "
                + "| CPU per delivered msg (server only) | server RSS max | p50 | p99 |\n");
        out.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (String peer : peers) {
            for (Round sg : ours) {
                rounds.stream().filter(r -> r.target().equals(peer) && r.pass() == sg.pass()).findFirst().ifPresent(p ->
                        out.append(String.format(Locale.ROOT, "| StreamGate/%s | %d | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f |%n",
                                peer, sg.pass(), sg.messagesPerSecond() / p.messagesPerSecond(),
                                sg.cpuPerThousand(true) / p.cpuPerThousand(true),
                                sg.cpuPerThousand(false) / p.cpuPerThousand(false),
                                sg.gatewayRssMax() / (double) p.gatewayRssMax(), sg.p50() / (double) Math.max(1, p.p50()),
                                sg.p99() / (double) Math.max(1, p.p99()))));
            }
        }
        out.append('\n');
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
