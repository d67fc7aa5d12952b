package io.streamgate.devstack.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A real WebSocket client (the JDK's) that records every text message and the close, for tests that
 * speak to the gateway as a browser or a mobile app would.
 */
public final class WebSocketProbe implements AutoCloseable {

    private final LinkedBlockingQueue<String> messages = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    /** Pings received from the server; its own monitor. */
    private final long[] pings = {0};
    private final WebSocket socket;
    /** False while the client does not read (its TCP window closes, as a frozen app's does); guarded by this. */
    private boolean reading = true;
    /** A frame was taken while not reading: the next read request is owed; guarded by this. */
    private boolean owed;

    private WebSocketProbe(URI uri, Map<String, String> headers, List<String> subprotocols) {
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(10));
        headers.forEach(builder::header);
        if (!subprotocols.isEmpty()) {
            builder.subprotocols(subprotocols.get(0), subprotocols.subList(1, subprotocols.size()).toArray(String[]::new));
        }
        this.socket = builder.buildAsync(uri, new Listener()).orTimeout(10, TimeUnit.SECONDS).join();
    }

    public static WebSocketProbe connect(URI uri) {
        return new WebSocketProbe(uri, Map.of(), List.of());
    }

    public static WebSocketProbe connect(URI uri, List<String> subprotocols) {
        return new WebSocketProbe(uri, Map.of(), subprotocols);
    }

    public static WebSocketProbe connect(URI uri, Map<String, String> headers) {
        return new WebSocketProbe(uri, headers, List.of());
    }

    public String subprotocol() {
        return socket.getSubprotocol();
    }

    public void send(String text) {
        socket.sendText(text, true).orTimeout(10, TimeUnit.SECONDS).join();
    }

    /** The next message, waiting up to {@code timeout}. */
    public String next(Duration timeout) {
        try {
            String message = messages.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (message == null) {
                throw new AssertionError("no message within " + timeout);
            }
            return message;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Takes whatever arrives within {@code window} (possibly nothing): paces a client without sleeping. */
    public List<String> pollFor(Duration window) {
        List<String> arrived = new ArrayList<>();
        long end = System.nanoTime() + window.toNanos();
        try {
            long left;
            while ((left = end - System.nanoTime()) > 0) {
                String message = messages.poll(left, TimeUnit.NANOSECONDS);
                if (message != null) {
                    arrived.add(message);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return arrived;
    }

    /** Skips messages until one matches, waiting up to {@code timeout} in all. */
    public String nextMatching(Predicate<String> wanted, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no matching message within " + timeout);
            }
            String message = next(Duration.ofNanos(left));
            if (wanted.test(message)) {
                return message;
            }
        }
    }

    /** Sends one text message as several frames, one per part. */
    public void sendFragments(String... parts) {
        for (int i = 0; i < parts.length; i++) {
            socket.sendText(parts[i], i == parts.length - 1).orTimeout(10, TimeUnit.SECONDS).join();
        }
    }

    /** Sends one binary message. */
    public void sendBinary(byte[] data) {
        socket.sendBinary(java.nio.ByteBuffer.wrap(data), true).orTimeout(10, TimeUnit.SECONDS).join();
    }

    /** Waits until the server has pinged this client {@code count} times in all (the JDK client answers each). */
    public void awaitPings(int count, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        synchronized (pings) {
            long left;
            while (pings[0] < count) {
                if ((left = end - System.nanoTime()) <= 0) {
                    throw new AssertionError(pings[0] + " pings within " + timeout + ", expected " + count);
                }
                try {
                    pings.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted", e);
                }
            }
        }
    }

    /**
     * Stops taking frames off the connection: what the server sends waits in the socket buffers, then in the
     * server's, as with a client that stopped reading. Messages already received stay readable.
     */
    public synchronized void stopReading() {
        reading = false;
    }

    /** Takes frames again, beginning with what waited while it did not. */
    public synchronized void startReading() {
        reading = true;
        if (owed) {
            owed = false;
            socket.request(1);
        }
    }

    /** The listener's next frame, unless the client stopped reading. */
    private synchronized void demand(WebSocket webSocket) {
        if (reading) {
            webSocket.request(1);
        } else {
            owed = true;
        }
    }

    /** True until the server's close arrives or the connection fails. */
    public boolean isOpen() {
        return !closeCode.isDone();
    }

    /** The close code the server sent, waiting up to {@code timeout}. */
    public int awaitClose(Duration timeout) {
        return closeCode.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).join();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(5, TimeUnit.SECONDS)
                    .exceptionally(e -> null).join();
        }
        socket.abort();
    }

    private final class Listener implements WebSocket.Listener {

        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                messages.add(partial.toString());
                partial.setLength(0);
            }
            demand(webSocket);
            return null;
        }

        @Override
        public CompletionStage<?> onPing(WebSocket webSocket, java.nio.ByteBuffer message) {
            synchronized (pings) {
                pings[0]++;
                pings.notifyAll();
            }
            // The JDK client answers every ping with a pong itself.
            demand(webSocket);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closeCode.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closeCode.completeExceptionally(error);
        }
    }
}
