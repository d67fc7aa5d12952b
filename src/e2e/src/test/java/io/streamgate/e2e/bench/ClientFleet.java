package io.streamgate.e2e.bench;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import io.streamgate.devstack.testing.SkySpyFrameScan;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.http.WebSocketFrame;

/**
 * Many SkySpy map clients on a few Vert.x event loops. Each parses every message it receives (only the
 * fields it needs, with {@link SkySpyFrameScan}), counts its messages and bytes, and times every
 * position against its event time on this machine's clock. The figures are summed over all clients,
 * and each client also counts its own deliveries in the measurement window, so a client that got
 * less than the others shows as the worst one instead of vanishing in the sum. The same clients also
 * come as Server-Sent Event streams ({@link #connectSse}): each {@code data:} line is one message.
 */
public final class ClientFleet implements AutoCloseable {

    /** Sums over every client since the fleet started; a window is the difference of two of these. */
    record Totals(long frames, long messages, long bytes, long positions, long snapshots, long unreadable,
            long malformed) {

        Totals minus(Totals earlier) {
            return new Totals(frames - earlier.frames, messages - earlier.messages, bytes - earlier.bytes,
                    positions - earlier.positions, snapshots - earlier.snapshots, unreadable - earlier.unreadable,
                    malformed - earlier.malformed);
        }
    }

    /**
     * How the window's positions reached the clients of a round, one count per client.
     *
     * @param clients   the clients counted (those connected in the round, including any the server closed)
     * @param fewest    the deliveries of the worst client: positions with an event time in the window
     * @param most      the deliveries of the best client
     * @param published the positions ingest accepted with an event time in the window
     */
    record Spread(int clients, long fewest, long most, long published) {

        /** The worst client's share of what was published (NaN when nothing was, or no client counted). */
        double worstShare() {
            return clients == 0 || published == 0 ? Double.NaN : fewest / (double) published;
        }

        static Spread of(long[] deliveredPerClient, long published) {
            long fewest = Long.MAX_VALUE;
            long most = Long.MIN_VALUE;
            for (long delivered : deliveredPerClient) {
                fewest = Math.min(fewest, delivered);
                most = Math.max(most, delivered);
            }
            return deliveredPerClient.length == 0 ? new Spread(0, 0, 0, published)
                    : new Spread(deliveredPerClient.length, fewest, most, published);
        }
    }

    /** One connection's own counts: written on its event loop, read by the benchmark's thread. */
    static final class Client {

        /** Positions with an event time in the window, whenever they arrived. */
        final AtomicLong windowPositions = new AtomicLong();
        final AtomicLong messages = new AtomicLong();
        /** A message that arrived in several frames, until its last one; only on the loop. */
        private Buffer partial;
    }

    /** One event loop's scratch space and position counter for the message being read. */
    private final class Reader implements SkySpyFrameScan.Sink {

        byte[] scratch = new byte[64 * 1024];
        long received;
        int inWindow;

        @Override
        public void position(long eventTime) {
            if (eventTime == Long.MIN_VALUE) {
                unreadable.increment();
                return;
            }
            positions.increment();
            latency.recordValue(Math.max(0, received - eventTime));
            if (eventTime >= windowFrom && eventTime < windowTo) {
                inWindow++;
            }
        }
    }

    private final Vertx vertx;
    private final WebSocketClient client;
    private final URI endpoint;
    private final Map<String, String> headers;
    private final Set<WebSocket> open = ConcurrentHashMap.newKeySet();
    private final Set<HttpConnection> openStreams = ConcurrentHashMap.newKeySet();
    private final HttpClient http;
    private final LongAdder frames = new LongAdder();
    private final LongAdder messages = new LongAdder();
    private final LongAdder bytes = new LongAdder();
    private final LongAdder positions = new LongAdder();
    private final LongAdder snapshots = new LongAdder();
    private final LongAdder unreadable = new LongAdder();
    private final LongAdder malformed = new LongAdder();
    /** The clients connected since the last {@link #closeAll}, open or not. */
    private final Queue<Client> clients = new ConcurrentLinkedQueue<>();
    private final LongAdder failedConnects = new LongAdder();
    private final Map<Integer, LongAdder> serverCloses = new ConcurrentHashMap<>();
    private final List<String> firstCloses = java.util.Collections.synchronizedList(new ArrayList<>());
    /** Positions whose event time falls in the measurement window, whenever they arrive. */
    private final LongAdder windowPositions = new LongAdder();
    private volatile long windowFrom = Long.MAX_VALUE;
    private volatile long windowTo = Long.MIN_VALUE;
    /** Event time → receive time, milliseconds. */
    private final Recorder latency = new Recorder(3);
    private final ThreadLocal<Reader> readers = ThreadLocal.withInitial(Reader::new);
    private volatile boolean closing;

    /** @param endpoint {@code ws://host:port/path} */
    public ClientFleet(URI endpoint, int eventLoops) {
        this(endpoint, eventLoops, Map.of());
    }

    /** @param headers sent with every handshake (a tenant's {@code Authorization}) */
    public ClientFleet(URI endpoint, int eventLoops, Map<String, String> headers) {
        this.endpoint = endpoint;
        this.headers = Map.copyOf(headers);
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(eventLoops).setWorkerPoolSize(1)
                .setInternalBlockingPoolSize(1));
        this.client = vertx.createWebSocketClient(new WebSocketClientOptions()
                // The default (50 per host) would queue all but the first 50 handshakes.
                .setMaxConnections(1_000_000)
                .setConnectTimeout(30_000)
                .setMaxFrameSize(1 << 20)
                .setMaxMessageSize(64 << 20));
        this.http = vertx.createHttpClient(new HttpClientOptions().setMaxPoolSize(1_000_000).setKeepAlive(true)
                .setConnectTimeout(30_000));
    }

    /**
     * Opens {@code count} Server-Sent Event streams on {@code sse} ({@code http://host:port/path}), at
     * most {@code concurrency} requests at a time.
     *
     * @return how many answered 200 with a stream
     */
    int connectSse(URI sse, int count, int concurrency, Duration timeout) throws InterruptedException {
        closing = false;
        Semaphore inFlight = new Semaphore(concurrency);
        CountDownLatch done = new CountDownLatch(count);
        AtomicInteger opened = new AtomicInteger();
        long deadline = System.nanoTime() + timeout.toNanos();
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setHost(sse.getHost())
                .setPort(sse.getPort()).setURI(sse.getRawPath()).putHeader("accept", "text/event-stream");
        for (int i = 0; i < count; i++) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || !inFlight.tryAcquire(left, TimeUnit.NANOSECONDS)) {
                break;
            }
            http.request(options).compose(request -> request.send()).onComplete(result -> {
                if (result.succeeded() && result.result().statusCode() == 200) {
                    attachSse(result.result());
                    opened.incrementAndGet();
                } else {
                    failedConnects.increment();
                }
                inFlight.release();
                done.countDown();
            });
        }
        done.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        return opened.get();
    }

    private void attachSse(HttpClientResponse response) {
        Client client = newClient();
        HttpConnection connection = response.request().connection();
        openStreams.add(connection);
        response.handler(chunk -> onSseChunk(client, chunk));
        response.exceptionHandler(error -> {
        });
        connection.closeHandler(closed -> {
            openStreams.remove(connection);
            if (!closing) {
                serverCloses.computeIfAbsent(-1, c -> new LongAdder()).increment();
                if (firstCloses.size() < 5) {
                    firstCloses.add(java.time.Instant.now() + " SSE stream closed by the server");
                }
            }
        });
    }

    /** On the stream's event loop: every whole {@code data:} line is one message; other lines are skipped. */
    void onSseChunk(Client client, Buffer chunk) {
        bytes.add(chunk.length());
        Buffer text = client.partial == null ? chunk : client.partial.appendBuffer(chunk);
        int lineStart = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.getByte(i) != '\n') {
                continue;
            }
            if (i - lineStart > 6 && text.getByte(lineStart) == 'd' && text.getByte(lineStart + 4) == ':') {
                int from = lineStart + (text.getByte(lineStart + 5) == ' ' ? 6 : 5);
                read(client, text.slice(from, i));
            }
            lineStart = i + 1;
        }
        client.partial = lineStart == text.length() ? null
                : Buffer.buffer(text.length() - lineStart + 4096).appendBuffer(text, lineStart, text.length() - lineStart);
    }

    /**
     * Opens {@code count} more connections, at most {@code concurrency} handshakes at a time, so the
     * accept queue on either side does not overflow into retransmits.
     *
     * @return how many were opened
     */
    public int connect(int count, int concurrency, Duration timeout) throws InterruptedException {
        closing = false;
        Semaphore inFlight = new Semaphore(concurrency);
        CountDownLatch done = new CountDownLatch(count);
        AtomicInteger opened = new AtomicInteger();
        long deadline = System.nanoTime() + timeout.toNanos();
        WebSocketConnectOptions options = new WebSocketConnectOptions().setHost(endpoint.getHost())
                .setPort(endpoint.getPort()).setURI(endpoint.getRawPath()).setTimeout(30_000);
        headers.forEach(options::addHeader);
        for (int i = 0; i < count; i++) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || !inFlight.tryAcquire(left, TimeUnit.NANOSECONDS)) {
                break;
            }
            client.connect(options).onComplete(result -> {
                if (result.succeeded()) {
                    attach(result.result());
                    opened.incrementAndGet();
                } else {
                    failedConnects.increment();
                }
                inFlight.release();
                done.countDown();
            });
        }
        done.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        return opened.get();
    }

    /** A client counted in this round's deliveries. */
    Client newClient() {
        Client client = new Client();
        clients.add(client);
        return client;
    }

    private void attach(WebSocket socket) {
        Client client = newClient();
        open.add(socket);
        socket.frameHandler(frame -> onFrame(client, frame));
        socket.exceptionHandler(error -> {
        });
        socket.closeHandler(closed -> {
            open.remove(socket);
            if (!closing) {
                Short code = socket.closeStatusCode();
                serverCloses.computeIfAbsent(code == null ? -1 : (int) code, c -> new LongAdder()).increment();
                if (firstCloses.size() < 5) {
                    firstCloses.add(java.time.Instant.now() + " " + code + " " + socket.closeReason());
                }
            }
        });
    }

    /** On the client's event loop: a text message is read once it is whole, however many frames it came in. */
    void onFrame(Client client, WebSocketFrame frame) {
        if (!frame.isText() && !frame.isContinuation()) {
            return;
        }
        Buffer data = frame.binaryData();
        bytes.add(data.length());
        if (frame.isText() && frame.isFinal()) {
            read(client, data);
            return;
        }
        if (frame.isText()) {
            client.partial = Buffer.buffer(data.length() * 2).appendBuffer(data);
        } else if (client.partial != null) {
            client.partial.appendBuffer(data);
        } else {
            return; // the rest of a binary message: not SkySpy's
        }
        if (frame.isFinal()) {
            Buffer whole = client.partial;
            client.partial = null;
            read(client, whole);
        }
    }

    private void read(Client client, Buffer message) {
        Reader reader = readers.get();
        reader.received = System.currentTimeMillis();
        reader.inWindow = 0;
        int length = message.length();
        if (reader.scratch.length < length) {
            reader.scratch = new byte[Integer.highestOneBit(length) << 1];
        }
        message.getBytes(0, length, reader.scratch, 0);
        frames.increment();
        SkySpyFrameScan.Result result;
        try {
            result = SkySpyFrameScan.scan(reader.scratch, 0, length, reader);
        } catch (IllegalArgumentException e) {
            malformed.increment();
            return;
        }
        messages.add(result.messages());
        client.messages.addAndGet(result.messages());
        if (reader.inWindow > 0) {
            windowPositions.add(reader.inWindow);
            client.windowPositions.addAndGet(reader.inWindow);
        }
        if (result.snapshot()) {
            snapshots.increment();
        }
    }

    /** Counts positions whose event time is within {@code [from, to)} (epoch ms), from now on. */
    void window(long from, long to) {
        windowPositions.reset();
        clients.forEach(client -> client.windowPositions.set(0));
        windowFrom = from;
        windowTo = to;
    }

    long windowPositions() {
        return windowPositions.sum();
    }

    /** Each client's deliveries in the window, against the {@code published} positions of that window. */
    Spread deliveries(long published) {
        return Spread.of(clients.stream().mapToLong(client -> client.windowPositions.get()).toArray(), published);
    }

    /** The first few closes this side did not ask for: when, code, reason. */
    List<String> firstUnexpectedCloses() {
        return List.copyOf(firstCloses);
    }

    public int openCount() {
        return open.size() + openStreams.size();
    }

    public long failedConnects() {
        return failedConnects.sum();
    }

    /** Connections the server closed, by close code (-1: no code), since the fleet started. */
    public Map<Integer, Long> serverCloses() {
        Map<Integer, Long> copy = new TreeMap<>();
        serverCloses.forEach((code, count) -> copy.put(code, count.sum()));
        return copy;
    }

    Totals totals() {
        return new Totals(frames.sum(), messages.sum(), bytes.sum(), positions.sum(), snapshots.sum(),
                unreadable.sum(), malformed.sum());
    }

    /** The latencies recorded since the previous call (the first call starts the first interval). */
    Histogram takeLatencies() {
        return latency.getIntervalHistogram();
    }

    /** Closes every connection with a normal close and waits for the handshakes, up to {@code timeout}. */
    void closeAll(Duration timeout) throws InterruptedException {
        closing = true;
        List<WebSocket> sockets = new ArrayList<>(open);
        CountDownLatch closed = new CountDownLatch(sockets.size());
        for (WebSocket socket : sockets) {
            socket.close((short) 1000, "bench round over").onComplete(done -> closed.countDown());
        }
        closed.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        List<HttpConnection> streams = new ArrayList<>(openStreams);
        CountDownLatch streamsClosed = new CountDownLatch(streams.size());
        for (HttpConnection stream : streams) {
            stream.close().onComplete(done -> streamsClosed.countDown());
        }
        streamsClosed.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        // The next round counts its own clients.
        clients.clear();
    }

    @Override
    public void close() {
        try {
            closeAll(Duration.ofSeconds(20));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        CountDownLatch stopped = new CountDownLatch(1);
        http.close();
        client.close().onComplete(c -> vertx.close().onComplete(v -> stopped.countDown()));
        try {
            stopped.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
