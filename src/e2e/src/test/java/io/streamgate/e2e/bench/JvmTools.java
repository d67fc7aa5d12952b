package io.streamgate.e2e.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/** The gateway's JVM seen from outside: {@code jcmd}, its Prometheus figures, and JFR recordings. */
public final class JvmTools {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private JvmTools() {
    }

    /** Runs {@code jcmd <pid> <command…>} and returns what it printed. */
    public static String jcmd(long pid, String... command) {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(pid)));
        line.addAll(List.of(command));
        try {
            Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("jcmd " + String.join(" ", command) + " did not finish");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("jcmd " + String.join(" ", command) + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run jcmd", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** A full collection, so heap figures show what is live rather than when the collector last ran. */
    static void settle(long pid) throws InterruptedException {
        jcmd(pid, "GC.run");
        Thread.sleep(2_000);
    }

    /** The service's {@code /q/metrics}, as Prometheus text. */
    public static String metrics(URI service) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(service.resolve("/q/metrics"))
                    .timeout(Duration.ofSeconds(20)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("/q/metrics answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + service + "/q/metrics", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The sum of every sample of {@code name} whose labels contain {@code labels} (e.g. {@code area="heap"}). */
    public static double metric(String metrics, String name, String labels) {
        double sum = 0;
        for (String line : metrics.split("\n")) {
            if (line.startsWith("#") || !line.startsWith(name)) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            String series = line.substring(0, space);
            boolean sameName = series.equals(name) || series.startsWith(name + "{");
            if (sameName && (labels.isEmpty() || series.contains(labels))) {
                sum += Double.parseDouble(line.substring(space + 1));
            }
        }
        return sum;
    }

    /** Where CPU time went in a recording: hottest frames, threads, and StreamGate's own frames. */
    static String summarizeProfile(Path recording, int top) throws IOException {
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> inclusive = new HashMap<>();
        Map<String, Integer> threads = new HashMap<>();
        int samples = 0;
        int collections = 0;
        Duration paused = Duration.ZERO;
        Duration longestPause = Duration.ZERO;
        long maxHeapAfterGc = 0;
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                String type = event.getEventType().getName();
                if ("jdk.GarbageCollection".equals(type)) {
                    collections++;
                    paused = paused.plus(event.getDuration("sumOfPauses"));
                    longestPause = max(longestPause, event.getDuration("longestPause"));
                    continue;
                }
                if ("jdk.GCHeapSummary".equals(type) && "After GC".equals(event.getString("when"))) {
                    maxHeapAfterGc = Math.max(maxHeapAfterGc, event.getLong("heapUsed"));
                    continue;
                }
                if (!"jdk.ExecutionSample".equals(type) || event.getStackTrace() == null) {
                    continue;
                }
                samples++;
                List<RecordedFrame> frames = event.getStackTrace().getFrames();
                if (!frames.isEmpty()) {
                    self.merge(name(frames.get(0)), 1, Integer::sum);
                }
                Set<String> seen = new HashSet<>();
                for (RecordedFrame frame : frames) {
                    if (seen.add(name(frame))) {
                        inclusive.merge(name(frame), 1, Integer::sum);
                    }
                }
                RecordedThread thread = event.getThread("sampledThread");
                String threadName = thread == null || thread.getJavaName() == null ? "?" : thread.getJavaName();
                // Pool threads differ only by number: group them.
                threads.merge(threadName.replaceAll("-?\\d+$", "-N"), 1, Integer::sum);
            }
        }
        StringBuilder out = new StringBuilder();
        out.append("JFR ").append(recording.getFileName()).append(": ").append(samples)
                .append(" execution samples; ").append(collections).append(" collections, ")
                .append(paused.toMillis()).append(" ms paused in all, longest ").append(longestPause.toMillis())
                .append(" ms; most heap live after a collection ").append(maxHeapAfterGc >> 20).append(" MiB\n");
        appendTop(out, "top frames (self)", self, samples, top, n -> true);
        appendTop(out, "threads", threads, samples, top, n -> true);
        appendTop(out, "StreamGate and WebSocket frames (inclusive)", inclusive, samples, top,
                n -> n.startsWith("io.streamgate.") || n.startsWith("io.quarkus.websockets.")
                        || n.contains("WebSocket"));
        return out.toString();
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static void appendTop(StringBuilder out, String title, Map<String, Integer> counts, int samples, int top,
            Predicate<String> wanted) {
        out.append("  ").append(title).append(":\n");
        counts.entrySet().stream().filter(e -> wanted.test(e.getKey()))
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())).limit(top)
                .forEach(e -> out.append(String.format("    %5.1f%%  %s%n", 100.0 * e.getValue() / Math.max(1, samples),
                        e.getKey())));
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }
}
