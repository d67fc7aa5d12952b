package io.streamgate.devstack.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;

import io.streamgate.platform.json.Json;

/**
 * A client program in another language (a Node or Python client written from a product's documentation)
 * that prints one JSON object per line: started, read while it runs, waited on with a deadline, and
 * stopped by closing its stdin (then killed if it does not exit).
 */
public final class ClientProgram implements AutoCloseable {

    private final Process process;
    private final List<String> raw = new ArrayList<>();
    private final List<JsonNode> lines = new ArrayList<>();

    private ClientProgram(Process process) {
        this.process = process;
        Thread reader = new Thread(this::read, "client-program-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** @param directory where the program and its packages are (src/test/node, src/test/python) */
    public static ClientProgram start(Path directory, String... command) {
        try {
            return new ClientProgram(new ProcessBuilder(command).directory(directory.toFile())
                    .redirectErrorStream(true).start());
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + String.join(" ", command), e);
        }
    }

    private void read() {
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                add(line);
            }
        } catch (IOException ended) {
            // the process is gone
        }
    }

    private synchronized void add(String line) {
        raw.add(line);
        try {
            lines.add(Json.mapper().readTree(line));
        } catch (IOException notJson) {
            // the runtime's own diagnostics: kept in raw for failure messages
        }
        notifyAll();
    }

    /** Every line printed so far that {@code wanted} accepts, in order. */
    public synchronized List<JsonNode> all(Predicate<JsonNode> wanted) {
        return lines.stream().filter(wanted).toList();
    }

    /**
     * The first line, printed so far or later, that {@code wanted} accepts; lines are not consumed.
     *
     * @throws AssertionError with everything the program printed, when none comes within {@code timeout}
     */
    public synchronized JsonNode await(Predicate<JsonNode> wanted, Duration timeout) throws InterruptedException {
        return awaitAfter(null, wanted, timeout);
    }

    /**
     * As {@link #await}, among the lines printed after {@code marker} (a line {@link #await} returned) only: what
     * the program saw once it had done something (subscribed, say), not before.
     */
    public synchronized JsonNode awaitAfter(JsonNode marker, Predicate<JsonNode> wanted, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            boolean after = marker == null;
            for (JsonNode line : lines) {
                if (!after) {
                    after = line == marker;
                    continue;
                }
                if (wanted.test(line)) {
                    return line;
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("the client printed nothing wanted within " + timeout + ": " + raw);
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    @Override
    public void close() {
        try {
            process.getOutputStream().close();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (IOException | InterruptedException e) {
            process.destroyForcibly();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
