package io.streamgate.e2e.bench;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.http.WebSocketFrame;

/**
 * Many SkySpy map clients on a few Vert.x event loops. Each reads every frame, counts its messages
 * and bytes, and times every position against its event time on this machine's clock; the figures
 * are summed over all clients.
 */
final class ClientFleet implements AutoCloseable {

    /** Sums over every client since the fleet started; a window is the difference of two of these. */
    record Totals(long frames, long messages, long bytes, long positions, long snapshots, long unreadable) {

        Totals minus(Totals earlier) {
            return new Totals(frames - earlier.frames, messages - earlier.messages, bytes - earlier.bytes,
                    positions - earlier.positions, snapshots - earlier.snapshots, unreadable - earlier.unreadable);
        }
    }

    private final Vertx vertx;
    private final WebSocketClient client;
    private final URI endpoint;
    private final Set<WebSocket> open = ConcurrentHashMap.newKeySet();
    private final LongAdder frames = new LongAdder();
    private final LongAdder messages = new LongAdder();
    private final LongAdder bytes = new LongAdder();
    private final LongAdder positions = new LongAdder();
    private final LongAdder snapshots = new LongAdder();
    private final LongAdder unreadable = new LongAdder();
    private final LongAdder failedConnects = new LongAdder();
    private final Map<Integer, LongAdder> serverCloses = new ConcurrentHashMap<>();
    private final List<String> firstCloses = java.util.Collections.synchronizedList(new ArrayList<>());
    /** Positions whose event time falls in the measurement window, whenever they arrive. */
    private final LongAdder windowPositions = new LongAdder();
    private volatile long windowFrom = Long.MAX_VALUE;
    private volatile long windowTo = Long.MIN_VALUE;
    /** Event time → receive time, milliseconds. */
    private final Recorder latency = new Recorder(3);
    private final ThreadLocal<byte[]> scratch = ThreadLocal.withInitial(() -> new byte[64 * 1024]);
    private volatile boolean closing;

    /** @param endpoint {@code ws://host:port/path} */
    ClientFleet(URI endpoint, int eventLoops) {
        this.endpoint = endpoint;
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(eventLoops).setWorkerPoolSize(1)
                .setInternalBlockingPoolSize(1));
        this.client = vertx.createWebSocketClient(new WebSocketClientOptions()
                // The default (50 per host) would queue all but the first 50 handshakes.
                .setMaxConnections(1_000_000)
                .setConnectTimeout(30_000)
                .setMaxFrameSize(1 << 20)
                .setMaxMessageSize(64 << 20));
    }

    /**
     * Opens {@code count} more connections, at most {@code concurrency} handshakes at a time, so the
     * accept queue on either side does not overflow into retransmits.
     *
     * @return how many were opened
     */
    int connect(int count, int concurrency, Duration timeout) throws InterruptedException {
        closing = false;
        Semaphore inFlight = new Semaphore(concurrency);
        CountDownLatch done = new CountDownLatch(count);
        AtomicInteger opened = new AtomicInteger();
        long deadline = System.nanoTime() + timeout.toNanos();
        WebSocketConnectOptions options = new WebSocketConnectOptions().setHost(endpoint.getHost())
                .setPort(endpoint.getPort()).setURI(endpoint.getRawPath()).setTimeout(30_000);
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

    private void attach(WebSocket socket) {
        open.add(socket);
        socket.frameHandler(this::onFrame);
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

    private void onFrame(WebSocketFrame frame) {
        if (!frame.isText() && !frame.isContinuation()) {
            return;
        }
        long received = System.currentTimeMillis();
        Buffer data = frame.binaryData();
        int length = data.length();
        bytes.add(length);
        if (frame.isContinuation()) {
            // The rest of a message counted with its first frame (only snapshots get this large).
            return;
        }
        frames.increment();
        byte[] buffer = scratch.get();
        if (buffer.length < length) {
            buffer = new byte[Integer.highestOneBit(length) << 1];
            scratch.set(buffer);
        }
        data.getBytes(0, length, buffer, 0);
        SkySpyFrameScan.Result result = SkySpyFrameScan.scan(buffer, length, eventTime -> {
            if (eventTime == Long.MIN_VALUE) {
                unreadable.increment();
            } else {
                positions.increment();
                latency.recordValue(Math.max(0, received - eventTime));
                if (eventTime >= windowFrom && eventTime < windowTo) {
                    windowPositions.increment();
                }
            }
        });
        messages.add(result.messages());
        if (result.snapshot()) {
            snapshots.increment();
        }
    }

    /** Counts positions whose event time is within {@code [from, to)} (epoch ms), from now on. */
    void window(long from, long to) {
        windowPositions.reset();
        windowFrom = from;
        windowTo = to;
    }

    long windowPositions() {
        return windowPositions.sum();
    }

    /** The first few closes this side did not ask for: when, code, reason. */
    List<String> firstUnexpectedCloses() {
        return List.copyOf(firstCloses);
    }

    int openCount() {
        return open.size();
    }

    long failedConnects() {
        return failedConnects.sum();
    }

    /** Connections the server closed, by close code (-1: no code), since the fleet started. */
    Map<Integer, Long> serverCloses() {
        Map<Integer, Long> copy = new TreeMap<>();
        serverCloses.forEach((code, count) -> copy.put(code, count.sum()));
        return copy;
    }

    Totals totals() {
        return new Totals(frames.sum(), messages.sum(), bytes.sum(), positions.sum(), snapshots.sum(),
                unreadable.sum());
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
    }

    @Override
    public void close() {
        try {
            closeAll(Duration.ofSeconds(20));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        CountDownLatch stopped = new CountDownLatch(1);
        client.close().onComplete(c -> vertx.close().onComplete(v -> stopped.countDown()));
        try {
            stopped.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
