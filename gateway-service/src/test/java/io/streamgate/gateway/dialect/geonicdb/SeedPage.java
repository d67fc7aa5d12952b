package io.streamgate.gateway.dialect.geonicdb;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The clients of GeonicDB's documentation (seed 004), written from the document alone, line for line,
 * with only the host name changed: the Quick Start page ({@code new WebSocket(url)}, subscribe on open to
 * {@code ['Room', 'Sensor']}, every non-pong message appended as {@code `${type}: ${entityId} -
 * ${JSON.stringify(data)}`}) and the Python loop ({@code Authorization: Bearer}, subscribe to
 * {@code ["Room"]}, print {@code f"{type}: {entityId}"} and the data of every non-pong message).
 */
final class SeedPage implements AutoCloseable {

    /** What the page shows: the lines of {@code <div id="events">} (or the Python loop's output). */
    final List<String> lines = new CopyOnWriteArrayList<>();
    /** Every frame the socket received, for the harness (pongs included). */
    final LinkedBlockingQueue<String> frames = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final CompletableFuture<WebSocket> subscribed = new CompletableFuture<>();
    private final WebSocket ws;

    private SeedPage(URI url, Map<String, String> headers, String subscribe, boolean pythonFormat) {
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder();
        headers.forEach(builder::header);
        this.ws = builder.buildAsync(url, new WebSocket.Listener() {
            private final StringBuilder partial = new StringBuilder();

            @Override
            public void onOpen(WebSocket socket) {
                // ws.onopen: ws.send(JSON.stringify({action: 'subscribe', entityTypes: [...]}))
                socket.sendText(subscribe, true).whenComplete((sent, failure) -> {
                    if (failure != null) {
                        subscribed.completeExceptionally(failure);
                    } else {
                        subscribed.complete(sent);
                    }
                });
                socket.request(1);
            }

            @Override
            public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    String message = partial.toString();
                    partial.setLength(0);
                    JsonNode event = GeonicDbStreamTest.json(message);
                    // if (data.type === 'pong') return;
                    if (!"pong".equals(event.path("type").asText(null))) {
                        lines.add(pythonFormat
                                ? event.path("type").asText() + ": " + event.path("entityId").asText() + " "
                                        + event.path("data")
                                : event.path("type").asText() + ": " + event.path("entityId").asText() + " - "
                                        + event.path("data"));
                    }
                    frames.add(message);
                }
                socket.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
                closed.complete(statusCode);
                return null;
            }

            @Override
            public void onError(WebSocket socket, Throwable error) {
                closed.completeExceptionally(error);
            }
        }).orTimeout(10, TimeUnit.SECONDS).join();
    }

    /** {@code new WebSocket('ws://host?tenant=demo')}, then the Quick Start's handlers. */
    static SeedPage quickStart(URI url) {
        return new SeedPage(url, Map.of(), "{\"action\":\"subscribe\",\"entityTypes\":[\"Room\",\"Sensor\"]}", false);
    }

    /** {@code websockets.connect(uri, extra_headers={"Authorization": f"Bearer {token}"})}, then the loop. */
    static SeedPage python(URI uri, String token) {
        return new SeedPage(uri, Map.of("Authorization", "Bearer " + token),
                "{\"action\": \"subscribe\", \"entityTypes\": [\"Room\"]}", true);
    }

    /**
     * What the documentation's wscat session does next ({@code > {"action": "ping"}}): the harness uses its
     * pong, which the page ignores, to know the page's subscribe (sent before) is in force.
     */
    void pingAndAwaitPong(Duration timeout) throws Exception {
        subscribed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        ws.sendText("{\"action\": \"ping\"}", true).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            String frame = frames.poll(end - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (frame == null) {
                throw new AssertionError("no pong within " + timeout);
            }
            if (frame.contains("\"pong\"")) {
                return;
            }
        }
    }

    /** Waits until the page shows {@code count} lines. */
    List<String> awaitLines(int count, Duration timeout) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        while (lines.size() < count) {
            if (frames.poll(Math.max(1, end - System.nanoTime()), TimeUnit.NANOSECONDS) == null
                    && System.nanoTime() >= end) {
                throw new AssertionError("the page shows " + lines + " after " + timeout);
            }
        }
        return List.copyOf(lines);
    }

    @Override
    public void close() {
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "").orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null).join();
    }
}
