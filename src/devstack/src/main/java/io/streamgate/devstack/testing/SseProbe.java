package io.streamgate.devstack.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * A real Server-Sent Events client (the JDK's HttpClient) for tests. It reads only while a test waits for
 * an event, so a test that stops calling {@link #next} is a client that stopped reading: the JDK client
 * stops pulling from the socket and the server sees a stalled stream.
 */
public final class SseProbe implements AutoCloseable {

    /** One event; {@code id} and {@code name} are null when the event had none. */
    public record Event(String id, String name, String data) {
    }

    private final HttpResponse<InputStream> response;
    private final BufferedReader lines;
    private final ExecutorService reader = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "sse-probe");
        thread.setDaemon(true);
        return thread;
    });
    private Future<Event> pending;
    private volatile long lastRetry = -1;

    private SseProbe(HttpResponse<InputStream> response) {
        this.response = response;
        this.lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
    }

    /** Opens the stream; check {@link #status()} before reading when the request may be refused. */
    public static SseProbe open(URI uri, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream");
        headers.forEach(request::header);
        try {
            return new SseProbe(HttpClient.newHttpClient().send(request.build(),
                    HttpResponse.BodyHandlers.ofInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public int status() {
        return response.statusCode();
    }

    public String header(String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    /** The body of a refused request (problem details). */
    public String body() {
        try {
            return new String(response.body().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The next event that matches, skipping others.
     *
     * @throws AssertionError when none arrives within {@code timeout} or the stream ends first
     */
    public Event next(Predicate<Event> wanted, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Event event = readBy(deadline, "no such event within " + timeout);
            if (event == null) {
                throw new AssertionError("the stream ended before the event came");
            }
            if (wanted.test(event)) {
                return event;
            }
        }
    }

    /**
     * Every event until the server ends the stream.
     *
     * @throws AssertionError when the stream is still open after {@code timeout}
     */
    public List<Event> untilEnd(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Event> events = new ArrayList<>();
        for (Event event = readBy(deadline, "the stream was still open after " + timeout + ", having sent " + events);
                event != null; event = readBy(deadline, "the stream was still open after " + timeout + ", having sent "
                        + events)) {
            events.add(event);
        }
        return events;
    }

    /** The next event, or null at the end of the stream; an AssertionError saying {@code late} at the deadline. */
    private Event readBy(long deadline, String late) {
        if (pending == null) {
            pending = reader.submit(this::read);
        }
        try {
            Event event = pending.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            pending = null;
            return event;
        } catch (TimeoutException e) {
            throw new AssertionError(late);
        } catch (ExecutionException e) {
            pending = null;
            throw new AssertionError("the stream failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The next event with {@code event:} {@code name}. */
    public Event next(String name, Duration timeout) {
        return next(event -> name.equals(event.name()), timeout);
    }

    /** The last {@code retry:} the stream sent (milliseconds), or -1 before any. */
    public long lastRetry() {
        return lastRetry;
    }

    /** Reads one event; null at the end of the stream. Comments (keep-alives) are skipped, {@code retry:} noted. */
    private Event read() throws IOException {
        String id = null;
        String name = null;
        StringBuilder data = new StringBuilder();
        String line;
        while ((line = lines.readLine()) != null) {
            if (line.isEmpty()) {
                if (data.length() > 0) {
                    return new Event(id, name, data.toString());
                }
                id = null;
                name = null;
            } else if (line.startsWith("retry: ")) {
                lastRetry = Long.parseLong(line.substring(7).trim());
            } else if (line.startsWith("id: ")) {
                id = line.substring(4);
            } else if (line.startsWith("event: ")) {
                name = line.substring(7);
            } else if (line.startsWith("data: ")) {
                if (data.length() > 0) {
                    data.append('\n');
                }
                data.append(line.substring(6));
            }
        }
        return null;
    }

    @Override
    public void close() {
        reader.shutdownNow();
        try {
            response.body().close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
