package io.streamgate.e2e.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.streamgate.devstack.Devstack;
import io.streamgate.devstack.Service;
import io.streamgate.devstack.SharedData;
import io.streamgate.devstack.Service;
import io.streamgate.devstack.Stack;
import io.streamgate.devstack.traffic.AircraftSnapshot;
import io.streamgate.devstack.traffic.IngestClient;
import io.streamgate.devstack.traffic.IngestPost;
import io.streamgate.devstack.traffic.SensorSimulator;
import io.streamgate.devstack.traffic.SnapshotGrouper;
import io.streamgate.devstack.traffic.StateVectorRecording;
import io.streamgate.platform.event.KafkaBinaryBinding;
import io.streamgate.platform.identity.Role;
import io.streamgate.platform.sensors.SensorReading;
import io.streamgate.platform.topic.Topic;
import io.streamgate.platform.topic.Topics;

/**
 * End-to-end ingest throughput with {@code acks=all}, against Kafka's own producer benchmark on the
 * same broker. Starts the whole stack on free ports, then:
 * <ol>
 * <li>POST /v1/aircraft with snapshots of the Swiss recording, from a few concurrent clients;</li>
 * <li>POST /v1/sensors/readings with batches of simulated readings, likewise;</li>
 * <li>{@code org.apache.kafka.tools.ProducerPerformance} with {@code acks=all} and the average value
 * size of the records each feed wrote, in its own JVM as {@code kafka-producer-perf-test.sh} runs it.</li>
 * </ol>
 * Only records acknowledged by a 202 that completed inside the measuring window count. Run with
 * {@code ./mvnw -Pbench} (see docs/benchmarks.md); options: {@code --warmup 10}, {@code --duration 30}
 * (seconds), {@code --clients 4}, {@code --aircraft-batch 500}, {@code --sensor-batch 1000},
 * {@code --raw-records 3000000}, {@code --consumers false}.
 *
 * <p>By default only ingest-service runs beside Kafka and Redis: the raw producer's records are read
 * by nobody, so ours are not either — with {@code --consumers true} the gateway, safety and stats
 * services also start and read every record ingest writes, on the same two cores.
 */
public final class IngestBenchmark {

    private static final String TENANT = "bench";
    private static final String RAW_TOPIC = "bench.raw";
    private static final Pattern PERF_WINDOW = Pattern.compile(
            "^(\\d+) records sent, ([\\d.]+) records/sec \\(([\\d.]+) MB/sec\\), [\\d.]+ ms avg latency, [\\d.]+ ms max latency\\.$");
    private static final Pattern PERF_TOTAL = Pattern.compile(
            "^(\\d+) records sent, ([\\d.]+) records/sec \\(([\\d.]+) MB/sec\\), ([\\d.]+) ms avg latency.*99\\.9th\\.$");

    private final Map<String, String> options;

    private IngestBenchmark(Map<String, String> options) {
        this.options = options;
    }

    /** What one HTTP phase achieved inside its measuring window. */
    record Phase(String name, long records, long requests, long failures, long httpBytes, Duration window,
            String firstFailure) {

        double recordsPerSecond() {
            return records / seconds();
        }

        double requestsPerSecond() {
            return requests / seconds();
        }

        double httpMegabytesPerSecond() {
            return httpBytes / seconds() / (1024 * 1024);
        }

        private double seconds() {
            return window.toNanos() / 1e9;
        }
    }

    /**
     * The summary line of ProducerPerformance, and its best 5-second window: the summary includes the
     * tool's own JVM warm-up, which 4.1.1 cannot exclude (no {@code --warmup-records} yet).
     */
    record Raw(long records, double recordsPerSecond, double megabytesPerSecond, double avgLatencyMs, String line,
            double bestWindowRecordsPerSecond) {
    }

    public static void main(String[] args) throws Exception {
        new IngestBenchmark(parse(args)).run();
    }

    private void run() throws Exception {
        int warmup = integer("warmup", 10);
        int duration = integer("duration", 30);
        int clients = integer("clients", 4);
        int aircraftBatch = integer("aircraft-batch", 500);
        int sensorBatch = integer("sensor-batch", 1000);
        long rawRecords = integer("raw-records", 3_000_000);
        boolean consumers = Boolean.parseBoolean(options.getOrDefault("consumers", "false"));

        System.out.printf("Ingest benchmark, %s: %d cores, %s %s, %s%n", LocalDate.now(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.version"), System.getProperty("os.name"));
        System.out.printf("%d clients, %d s warm-up, %d s measured per feed; aircraft %d per request, sensors %d per "
                + "request%n", clients, warmup, duration, aircraftBatch, sensorBatch);

        List<byte[]> aircraftBodies = aircraftBodies(aircraftBatch);
        List<byte[]> sensorBodies = sensorBodies(sensorBatch);

        System.out.println(consumers ? "Starting the stack (every service: ingest's records are consumed) ..."
                : "Starting Kafka, Redis and ingest-service (no consumers, like the raw producer's topic) ...");
        try (Stack stack = consumers ? Stack.start(false) : Stack.start(false, EnumSet.of(Service.INGEST))) {
            String token = stack.infrastructure().credentials().token(TENANT, "bench", Set.of(Role.USER),
                    Duration.ofHours(1));
            Phase aircraft = phase(stack, token, "aircraft", IngestPost.AIRCRAFT, aircraftBodies, clients, warmup,
                    duration);
            Phase sensors = phase(stack, token, "sensors", IngestPost.SENSOR_READINGS, sensorBodies, clients, warmup,
                    duration);

            String bootstrap = stack.infrastructure().kafka().bootstrapServers();
            double[] aircraftSize = recordSize(bootstrap, Topics.AIRCRAFT_POSITIONS.name());
            double[] sensorSize = recordSize(bootstrap, Topics.SENSOR_READINGS.name());
            System.out.printf("Average record on aircraft.positions: value %.1f B, headers %.1f B; on "
                    + "sensor.readings: value %.1f B, headers %.1f B%n", aircraftSize[0], aircraftSize[1],
                    sensorSize[0], sensorSize[1]);

            stack.infrastructure().kafka().createTopics(List.of(new Topic(RAW_TOPIC, "none (benchmark)", false,
                    List.of("ProducerPerformance"), List.of(), 1)), Devstack.PARTITIONS);
            Raw rawAircraft = producerPerformance(bootstrap, rawRecords, (int) Math.round(aircraftSize[0]));
            Raw rawSensors = producerPerformance(bootstrap, rawRecords, (int) Math.round(sensorSize[0]));

            report(aircraft, aircraftSize[0], rawAircraft, (int) Math.round(aircraftSize[0]), sensors, sensorSize[0],
                    rawSensors, (int) Math.round(sensorSize[0]));
        }
    }

    private static List<byte[]> aircraftBodies(int perRequest) {
        StateVectorRecording swiss = StateVectorRecording.load(SharedData.file(StateVectorRecording.SWISS));
        List<byte[]> bodies = new ArrayList<>();
        long now = Instant.now().toEpochMilli();
        for (AircraftSnapshot snapshot : SnapshotGrouper.group(swiss.rows(), Duration.ofDays(1), perRequest)) {
            if (snapshot.size() == perRequest) {
                bodies.add(snapshot.toAircraftJson(now, 1));
            }
        }
        System.out.printf("Prepared %d aircraft.json documents of %d aircraft from the Swiss recording%n",
                bodies.size(), perRequest);
        return bodies;
    }

    private static List<byte[]> sensorBodies(int perRequest) {
        SensorSimulator simulator = new SensorSimulator(SensorSimulator.Settings.DEFAULTS, 42);
        Instant t = Instant.now();
        List<byte[]> bodies = new ArrayList<>();
        List<SensorReading> batch = new ArrayList<>(perRequest);
        while (bodies.size() < 50) {
            for (SensorReading reading : simulator.readings(t)) {
                batch.add(reading);
                if (batch.size() == perRequest) {
                    bodies.add(IngestPost.batch(IngestPost.SENSOR_READINGS, "readings", batch).body());
                    batch = new ArrayList<>(perRequest);
                }
            }
            t = t.plusSeconds(1);
        }
        System.out.printf("Prepared %d batches of %d simulated sensor readings%n", bodies.size(), perRequest);
        return bodies;
    }

    /**
     * {@code clients} threads, each with its own HTTP client and connection, post bodies round-robin
     * in a closed loop; a 202 counts when it completes inside the measuring window.
     */
    private static Phase phase(Stack stack, String token, String name, String path, List<byte[]> bodies, int clients,
            int warmupSeconds, int durationSeconds) throws InterruptedException {
        System.out.printf("%s: %d s warm-up, then %d s measured ...%n", name, warmupSeconds, durationSeconds);
        long start = System.nanoTime();
        long measureFrom = start + TimeUnit.SECONDS.toNanos(warmupSeconds);
        long measureTo = measureFrom + TimeUnit.SECONDS.toNanos(durationSeconds);
        LongAdder records = new LongAdder();
        LongAdder requests = new LongAdder();
        LongAdder failures = new LongAdder();
        LongAdder httpBytes = new LongAdder();
        AtomicInteger next = new AtomicInteger();
        String[] firstFailure = {null};
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Thread thread = new Thread(() -> {
                try (IngestClient client = new IngestClient(stack.url(Service.INGEST), token, Duration.ofSeconds(30), 1)) {
                    while (System.nanoTime() < measureTo && !Thread.currentThread().isInterrupted()) {
                        byte[] body = bodies.get(Math.floorMod(next.getAndIncrement(), bodies.size()));
                        IngestClient.Outcome outcome = client.post(path, body, null);
                        long done = System.nanoTime();
                        boolean counted = done >= measureFrom && done < measureTo;
                        if (outcome.accepted()) {
                            if (counted) {
                                records.add(outcome.acceptedRecords());
                                requests.increment();
                                httpBytes.add(body.length);
                            }
                        } else {
                            failures.increment();
                            synchronized (firstFailure) {
                                if (firstFailure[0] == null) {
                                    firstFailure[0] = outcome.reason();
                                }
                            }
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "bench-" + name + "-" + c);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        Phase phase = new Phase(name, records.sum(), requests.sum(), failures.sum(), httpBytes.sum(),
                Duration.ofSeconds(durationSeconds), firstFailure[0]);
        System.out.printf("%s: %,.0f records/s in %,.1f requests/s, %,d failed request(s)%s%n", name,
                phase.recordsPerSecond(), phase.requestsPerSecond(), phase.failures(),
                phase.firstFailure() == null ? "" : " (first: " + phase.firstFailure() + ")");
        return phase;
    }

    /** Average value and header bytes of up to 100,000 of the benchmark tenant's records on {@code topic}. */
    private static double[] recordSize(String bootstrap, String topic) {
        long values = 0;
        long headers = 0;
        long count = 0;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            int emptyPolls = 0;
            while (count < 100_000 && emptyPolls < 5) {
                var batch = consumer.poll(Duration.ofMillis(500));
                emptyPolls = batch.isEmpty() ? emptyPolls + 1 : 0;
                for (ConsumerRecord<String, byte[]> record : batch) {
                    if (TENANT.equals(KafkaBinaryBinding.get(record.headers(), KafkaBinaryBinding.TENANT))) {
                        values += record.value().length;
                        for (Header header : record.headers()) {
                            headers += header.key().getBytes(StandardCharsets.UTF_8).length + header.value().length;
                        }
                        count++;
                    }
                }
            }
        }
        if (count == 0) {
            throw new IllegalStateException("no benchmark record found on " + topic);
        }
        return new double[] {values / (double) count, headers / (double) count};
    }

    /** Kafka's producer benchmark in its own JVM, as {@code bin/kafka-producer-perf-test.sh} runs it. */
    private static Raw producerPerformance(String bootstrap, long records, int recordSize)
            throws IOException, InterruptedException {
        List<String> tool = List.of("org.apache.kafka.tools.ProducerPerformance", "--topic", RAW_TOPIC,
                "--num-records", String.valueOf(records), "--record-size", String.valueOf(recordSize),
                "--throughput", "-1", "--producer-props", "bootstrap.servers=" + bootstrap, "acks=all");
        System.out.println("raw: java -Xmx512m -cp <kafka-tools 4.1.1 classpath> " + String.join(" ", tool));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx512m", "-Duser.language=en", "-Duser.country=US",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", System.getProperty("java.class.path")));
        command.addAll(tool);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        Raw raw = null;
        double bestWindow = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                System.out.println("  " + line);
                Matcher window = PERF_WINDOW.matcher(line.strip());
                if (window.matches()) {
                    bestWindow = Math.max(bestWindow, Double.parseDouble(window.group(2)));
                }
                Matcher total = PERF_TOTAL.matcher(line.strip());
                if (total.matches()) {
                    raw = new Raw(Long.parseLong(total.group(1)), Double.parseDouble(total.group(2)),
                            Double.parseDouble(total.group(3)), Double.parseDouble(total.group(4)), line.strip(),
                            bestWindow);
                }
            }
        }
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("ProducerPerformance did not finish");
        }
        if (process.exitValue() != 0 || raw == null) {
            throw new IllegalStateException("ProducerPerformance failed (exit " + process.exitValue() + ")");
        }
        return raw;
    }

    private static void report(Phase aircraft, double aircraftSize, Raw rawAircraft, int rawAircraftSize,
            Phase sensors, double sensorSize, Raw rawSensors, int rawSensorSize) {
        String format = "| %-52s | %12s | %8s | %10s |%n";
        System.out.println();
        System.out.printf(format, "path (acks=all)", "records/s", "MB/s", "ours/raw");
        System.out.printf(format, "-".repeat(52), "-".repeat(12), "-".repeat(8), "-".repeat(10));
        System.out.printf(format, String.format("POST /v1/aircraft (%.0f B values)", aircraftSize),
                String.format("%,.0f", aircraft.recordsPerSecond()),
                String.format("%.2f", aircraft.recordsPerSecond() * aircraftSize / (1024 * 1024)),
                String.format("%.1f %%", 100 * aircraft.recordsPerSecond() / rawAircraft.recordsPerSecond()));
        System.out.printf(format, String.format("ProducerPerformance --record-size %d", rawAircraftSize),
                String.format("%,.0f", rawAircraft.recordsPerSecond()),
                String.format("%.2f", rawAircraft.megabytesPerSecond()), "");
        System.out.printf(format, String.format("POST /v1/sensors/readings (%.0f B values)", sensorSize),
                String.format("%,.0f", sensors.recordsPerSecond()),
                String.format("%.2f", sensors.recordsPerSecond() * sensorSize / (1024 * 1024)),
                String.format("%.1f %%", 100 * sensors.recordsPerSecond() / rawSensors.recordsPerSecond()));
        System.out.printf(format, String.format("ProducerPerformance --record-size %d", rawSensorSize),
                String.format("%,.0f", rawSensors.recordsPerSecond()),
                String.format("%.2f", rawSensors.megabytesPerSecond()), "");
        System.out.println();
        System.out.printf("HTTP request bodies: aircraft %.2f MB/s in %.1f requests/s, sensors %.2f MB/s in %.1f "
                + "requests/s; failed requests: aircraft %d, sensors %d%n", aircraft.httpMegabytesPerSecond(),
                aircraft.requestsPerSecond(), sensors.httpMegabytesPerSecond(), sensors.requestsPerSecond(),
                aircraft.failures(), sensors.failures());
        System.out.println("ProducerPerformance summaries:");
        System.out.println("  " + rawAircraft.line());
        System.out.println("  " + rawSensors.line());
        System.out.printf("ProducerPerformance best 5 s window (without its JVM warm-up): %,.0f records/s at %d B "
                + "(ours %.1f %% of it), %,.0f records/s at %d B (ours %.1f %%)%n",
                rawAircraft.bestWindowRecordsPerSecond(), rawAircraftSize,
                100 * aircraft.recordsPerSecond() / rawAircraft.bestWindowRecordsPerSecond(),
                rawSensors.bestWindowRecordsPerSecond(), rawSensorSize,
                100 * sensors.recordsPerSecond() / rawSensors.bestWindowRecordsPerSecond());
    }

    private int integer(String name, int fallback) {
        String value = options.get(name);
        return value == null ? fallback : Integer.parseInt(value);
    }

    /** {@code --name value} pairs; a single argument with spaces (from {@code -Dbench.args}) is split. */
    static Map<String, String> parse(String[] args) {
        List<String> words = new ArrayList<>();
        Arrays.stream(args).map(String::strip).filter(a -> !a.isEmpty())
                .forEach(a -> words.addAll(Arrays.asList(a.split("\\s+"))));
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (!word.startsWith("--") || i + 1 >= words.size()) {
                throw new IllegalArgumentException("expected --name value pairs, got: " + words);
            }
            options.put(word.substring(2), words.get(++i));
        }
        return options;
    }
}
