package io.streamgate.e2e.faults;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;

import io.streamgate.devstack.Deadline;
import io.streamgate.devstack.testing.WebSocketProbe;
import io.streamgate.platform.json.Json;

/**
 * A client that behaves as the dialects' documents tell a client to: it keeps the id of the last event it
 * processed and, whenever its connection ends (the gateway died, drained or closed it as a slow consumer), comes
 * back — to whatever gateway the load balancer ({@code gateway}) now names — with that id: {@code Last-Event-ID}
 * on SSE, {@code ?last_event_id=} on a WebSocket. It runs on a thread of its own and records every feed event it
 * saw, so a test can judge the whole stream across reconnects.
 */
final class ResumingClient implements AutoCloseable {

    enum Transport { WEBSOCKET, SSE }

    /**
     * A dialect's resumable endpoint.
     *
     * @param event the feed event a message carries, or null for any other message (snapshots, pings, figures)
     */
    record Endpoint(String name, Transport transport, String path, Map<String, String> headers,
            Function<ClientMessage, FeedEvent> event) {
    }

    /** One connection: where, from which id, how long until its first feed event, and how it ended. */
    record Connection(URI gateway, String resumedFrom, long startNanos, long firstEventNanos, String end) {

        /** Milliseconds from the request to the first feed event, or -1 when none came. */
        double firstEventMillis() {
            return firstEventNanos == 0 ? -1 : (firstEventNanos - startNanos) / 1e6;
        }
    }

    private static final Duration BACKOFF = Duration.ofMillis(200);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Endpoint endpoint;
    private final Supplier<URI> gateway;
    private final List<FeedEvent> seen = new ArrayList<>();
    private final List<Connection> connections = new ArrayList<>();
    private final Thread thread;
    private volatile String lastId;
    private volatile boolean paused;
    private volatile boolean closed;
    private volatile boolean connected;
    private volatile InputStream openStream;
    private volatile WebSocketProbe openSocket;
    private volatile WebSocketProbe stalledSocket;
    /** The open connection's record, replaced as its first event arrives; guarded by this. */
    private Connection[] current;

    private ResumingClient(Endpoint endpoint, Supplier<URI> gateway) {
        this.endpoint = endpoint;
        this.gateway = gateway;
        this.thread = new Thread(this::run, "resuming-client-" + endpoint.name());
        this.thread.setDaemon(true);
    }

    /** Connects to {@code gateway} (an http:// base URL, asked again before every reconnect) and keeps reading. */
    static ResumingClient start(Endpoint endpoint, Supplier<URI> gateway) {
        ResumingClient client = new ResumingClient(endpoint, gateway);
        client.thread.start();
        return client;
    }

    String name() {
        return endpoint.name();
    }

    /** Waits until a connection is open (the server answered the request or the upgrade). */
    void awaitConnected(Duration timeout) {
        Deadline.await(endpoint.name() + " connected", timeout, () -> connected);
    }

    /** Hangs up, as a user closing the app does, and stays away until {@link #resume()}. */
    void disconnect() {
        paused = true;
        hangUp();
        Deadline.await(endpoint.name() + " disconnected", Duration.ofSeconds(30), () -> !connected);
    }

    /** Comes back, with the last id, to the gateway the supplier names now. */
    synchronized void resume() {
        paused = false;
        notifyAll();
    }

    /** Whether a connection is open now. */
    boolean isConnected() {
        return connected;
    }

    /**
     * Stops reading the open WebSocket connection without closing it (a frozen app); until {@link #unstall()},
     * the gateway sees a client that takes nothing.
     */
    void stall() {
        WebSocketProbe socket = openSocket;
        if (endpoint.transport() != Transport.WEBSOCKET || socket == null) {
            throw new IllegalStateException(endpoint.name() + " has no open WebSocket connection to stall");
        }
        stalledSocket = socket;
        socket.stopReading();
    }

    /** Reads again: what waited first, then the connection's end if the gateway closed it meanwhile. */
    void unstall() {
        WebSocketProbe socket = stalledSocket;
        stalledSocket = null;
        if (socket != null) {
            socket.startReading();
        }
    }

    String lastId() {
        return lastId;
    }

    synchronized List<FeedEvent> seen() {
        return List.copyOf(seen);
    }

    /** Every connection so far, the open one last (its {@code end} null). */
    synchronized List<Connection> connections() {
        List<Connection> all = new ArrayList<>(connections);
        if (current != null) {
            all.add(current[0]);
        }
        return all;
    }

    /** Waits until every one of {@code expected} has arrived (duplicates and order are judged by the caller). */
    void awaitAll(Collection<FeedEvent> expected, Duration timeout) {
        Set<Long> wanted = new HashSet<>();
        expected.forEach(e -> wanted.add(e.n()));
        Deadline.await(endpoint.name() + ": all " + wanted.size() + " events", timeout, () -> {
            Set<Long> got = new HashSet<>();
            seen().forEach(e -> got.add(e.n()));
            return got.containsAll(wanted);
        });
    }

    /** Waits until at least {@code count} feed events arrived in all. */
    void awaitCount(int count, Duration timeout) {
        Deadline.await(endpoint.name() + ": " + count + " events", timeout, () -> seen().size() >= count);
    }

    @Override
    public void close() {
        closed = true;
        synchronized (this) {
            notifyAll();
        }
        hangUp();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void hangUp() {
        InputStream stream = openStream;
        if (stream != null) {
            try {
                stream.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        WebSocketProbe socket = openSocket;
        if (socket != null) {
            socket.close();
        }
    }

    private void run() {
        while (!closed) {
            synchronized (this) {
                if (paused) {
                    waitQuietly(0);
                    continue;
                }
            }
            URI base = gateway.get();
            long start = System.nanoTime();
            String from = lastId;
            Connection[] record = { new Connection(base, from, start, 0, null) };
            synchronized (this) {
                current = record;
            }
            String end;
            try {
                end = endpoint.transport() == Transport.SSE ? readSse(base, from, record) : readWebSocket(base, from,
                        record);
            } catch (Exception | AssertionError e) {
                end = "failed: " + e;
            }
            connected = false;
            synchronized (this) {
                connections.add(new Connection(base, from, start, record[0].firstEventNanos(), end));
                current = null;
                if (!closed && !paused) {
                    // A client's reconnect delay (the SSE retry: a browser waits too), not a test's wait.
                    waitQuietly(BACKOFF.toMillis());
                }
            }
        }
    }

    private String readSse(URI base, String from, Connection[] record) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(endpoint.path()))
                .header("Accept", "text/event-stream");
        endpoint.headers().forEach(request::header);
        if (from != null) {
            request.header("Last-Event-ID", from);
        }
        HttpResponse<InputStream> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            String body = new String(response.body().readAllBytes(), StandardCharsets.UTF_8);
            return "refused " + response.statusCode() + ": " + body;
        }
        openStream = response.body();
        connected = true;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String id = null;
            String name = null;
            StringBuilder data = new StringBuilder();
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (paused || closed) {
                    return "hung up";
                }
                if (line.isEmpty()) {
                    if (data.length() > 0) {
                        handle(new ClientMessage(id, name, data.toString()), record);
                    }
                    id = null;
                    name = null;
                    data.setLength(0);
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    if (data.length() > 0) {
                        data.append('\n');
                    }
                    data.append(line.substring(5).stripLeading());
                }
            }
            return "stream ended";
        } catch (IOException e) {
            return paused || closed ? "hung up" : "stream failed: " + e;
        } finally {
            openStream = null;
        }
    }

    private String readWebSocket(URI base, String from, Connection[] record) {
        String uri = base.toString().replaceFirst("^http", "ws") + endpoint.path();
        if (from != null) {
            uri += (uri.contains("?") ? "&" : "?") + "last_event_id=" + URLEncoder.encode(from, StandardCharsets.UTF_8);
        }
        WebSocketProbe socket = WebSocketProbe.connect(URI.create(uri), endpoint.headers());
        openSocket = socket;
        connected = true;
        try {
            while (true) {
                List<String> frames = socket.pollFor(Duration.ofMillis(100));
                for (String frame : frames) {
                    if (paused || closed) {
                        return "hung up";
                    }
                    handle(new ClientMessage(eventId(frame), null, frame), record);
                }
                if (frames.isEmpty() && !socket.isOpen()) {
                    try {
                        return "closed " + socket.awaitClose(Duration.ofSeconds(1));
                    } catch (RuntimeException failed) {
                        return "connection failed: " + failed.getCause();
                    }
                }
                if (paused || closed) {
                    return "hung up";
                }
            }
        } finally {
            openSocket = null;
            socket.close();
        }
    }

    private void handle(ClientMessage message, Connection[] record) {
        FeedEvent event = endpoint.event().apply(message);
        synchronized (this) {
            if (event != null) {
                seen.add(event);
                if (record[0].firstEventNanos() == 0) {
                    Connection c = record[0];
                    record[0] = new Connection(c.gateway(), c.resumedFrom(), c.startNanos(), System.nanoTime(), null);
                }
            }
            if (message.id() != null && !message.id().isEmpty()) {
                lastId = message.id();
            }
        }
    }

    /** A WebSocket dialect's resume id: the frame's {@code event_id} (SkySpy's field). */
    private static String eventId(String frame) {
        try {
            JsonNode id = Json.mapper().readTree(frame).get("event_id");
            return id == null || id.isNull() ? null : id.asText();
        } catch (IOException notJson) {
            return null;
        }
    }

    private void waitQuietly(long millis) {
        try {
            wait(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }
}
