package io.streamgate.e2e.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocketFrameType;
import io.vertx.core.http.impl.ws.WebSocketFrameImpl;

/**
 * The write-only limit of issue 20: the least a JVM server can do to deliver the same frames at the
 * same rate. It reads {@code aircraft.positions} like the gateway, keeps the latest record per aircraft
 * for one batch window, and per tick builds SkySpy frames by splicing the record bytes into the
 * message envelope (no JSON parse, no encoder: only the timestamp is cut to SkySpy's milliseconds);
 * then writes the one off-heap buffer of each frame to every socket. No per-session state, no
 * bounded buffer, no resume, no auth: what is left is the cost of the writes themselves.
 *
 * <pre>java … WriteOnlyServer port=N brokers=host:port [window=200] [topic=aircraft.positions]</pre>
 *
 * WebSocket on {@code /ws/aircraft/}, Server-Sent Events on {@code /sse/aircraft/}. Prints
 * {@code ready} once it listens and the consumer has its partitions.
 */
public final class WriteOnlyServer {

    private static final byte[] TIMESTAMP_FIELD = "\"timestamp\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_MESSAGES = 50;

    /** By event loop: a tick hands each loop one task that writes to all of its sockets. */
    private final Map<Context, Set<ServerWebSocket>> sockets = new ConcurrentHashMap<>();
    private final Set<HttpServerResponse> streams = ConcurrentHashMap.newKeySet();
    private final Set<String> known = ConcurrentHashMap.newKeySet();
    private Map<String, byte[]> pending = new LinkedHashMap<>();

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = new LinkedHashMap<>();
        for (String arg : argv) {
            args.put(arg.substring(0, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        new WriteOnlyServer().run(Integer.parseInt(args.get("port")), args.get("brokers"),
                Duration.ofMillis(Long.parseLong(args.getOrDefault("window", "200"))),
                args.getOrDefault("topic", "aircraft.positions"));
    }

    private void run(int port, String brokers, Duration window, String topic) throws Exception {
        Vertx vertx = Vertx.vertx(new VertxOptions());
        vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(port)
                        .setPerMessageWebSocketCompressionSupported(false).setTcpNoDelay(true))
                .webSocketHandler(ws -> {
                    if (!"/ws/aircraft/".equals(ws.path())) {
                        ws.reject();
                        return;
                    }
                    Set<ServerWebSocket> onLoop = sockets.computeIfAbsent(Vertx.currentContext(),
                            c -> ConcurrentHashMap.newKeySet());
                    onLoop.add(ws);
                    ws.closeHandler(v -> onLoop.remove(ws));
                    ws.exceptionHandler(e -> onLoop.remove(ws));
                })
                .requestHandler(request -> {
                    if (!"/sse/aircraft/".equals(request.path())) {
                        request.response().setStatusCode(404).end();
                        return;
                    }
                    HttpServerResponse response = request.response().setChunked(true)
                            .putHeader("content-type", "text/event-stream").putHeader("cache-control", "no-cache");
                    response.write(": connected\n\n");
                    streams.add(response);
                    response.closeHandler(v -> streams.remove(response));
                })
                .listen().toCompletionStage().toCompletableFuture().get();

        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-write-only-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "50");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            while (consumer.assignment().isEmpty()) {
                consumer.poll(Duration.ofMillis(100));
            }
            vertx.setPeriodic(window.toMillis(), id -> tick());
            System.out.println("ready");
            System.out.flush();
            while (true) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    if (record.value() != null) {
                        synchronized (this) {
                            pending.put(record.key(), record.value());
                        }
                    }
                }
            }
        }
    }

    private void tick() {
        Map<String, byte[]> batch;
        synchronized (this) {
            if (pending.isEmpty()) {
                return;
            }
            batch = pending;
            pending = new LinkedHashMap<>();
        }
        List<byte[]> messages = new ArrayList<>(batch.size());
        batch.forEach((hex, value) -> messages.add(message(known.add(hex) ? "aircraft:new" : "aircraft:update", value)));
        String timestamp = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString();
        for (int i = 0; i < messages.size(); i += MAX_MESSAGES) {
            List<byte[]> chunk = messages.subList(i, Math.min(messages.size(), i + MAX_MESSAGES));
            write(chunk.size() == 1 ? chunk.get(0) : batchFrame(chunk, timestamp));
        }
    }

    private void write(byte[] frame) {
        // One off-heap copy per frame; each write holds a reference, which Netty drops once written.
        ByteBuf shared = Unpooled.directBuffer(frame.length).writeBytes(frame);
        sockets.forEach((loop, onLoop) -> {
            shared.retain();
            loop.runOnContext(v -> {
                try {
                    for (ServerWebSocket ws : onLoop) {
                        ws.writeFrame(new WebSocketFrameImpl(WebSocketFrameType.TEXT, shared.retainedDuplicate(), true));
                    }
                } finally {
                    shared.release();
                }
            });
        });
        shared.release();
        if (!streams.isEmpty()) {
            String type = new String(frame, 9, indexOf(frame, (byte) '"', 9) - 9, StandardCharsets.US_ASCII);
            byte[] head = ("event: " + type + "\ndata: ").getBytes(StandardCharsets.US_ASCII);
            io.vertx.core.buffer.Buffer event = io.vertx.core.buffer.Buffer.buffer(head.length + frame.length + 2)
                    .appendBytes(head).appendBytes(frame).appendString("\n\n");
            for (HttpServerResponse response : streams) {
                response.write(event);
            }
        }
    }

    /** {@code {"type":…,"data":<record>}} with the record's timestamp cut to milliseconds. */
    private static byte[] message(String type, byte[] value) {
        byte[] data = millisTimestamp(value);
        byte[] head = ("{\"type\":\"" + type + "\",\"data\":").getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[head.length + data.length + 1];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(data, 0, out, head.length, data.length);
        out[out.length - 1] = '}';
        return out;
    }

    private static byte[] batchFrame(List<byte[]> messages, String timestamp) {
        int size = 64 + messages.stream().mapToInt(m -> m.length + 1).sum();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(size);
        out.writeBytes("{\"type\":\"batch\",\"messages\":[".getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < messages.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.writeBytes(messages.get(i));
        }
        out.writeBytes(("],\"count\":" + messages.size() + ",\"timestamp\":\"" + timestamp + "\"}")
                .getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    /** Java writes an instant with 0, 3, 6 or 9 fraction digits; SkySpy always with 3. */
    private static byte[] millisTimestamp(byte[] value) {
        int at = indexOf(value, TIMESTAMP_FIELD);
        if (at < 0) {
            return value;
        }
        int from = at + TIMESTAMP_FIELD.length;
        int to = indexOf(value, (byte) '"', from);
        String text = new String(value, from, to - from, StandardCharsets.US_ASCII);
        String millis = Instant.parse(text).truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString();
        if (millis.length() == 20) {
            millis = millis.substring(0, 19) + ".000Z";
        }
        if (millis.equals(text)) {
            return value;
        }
        byte[] replacement = millis.getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[value.length - (to - from) + replacement.length];
        System.arraycopy(value, 0, out, 0, from);
        System.arraycopy(replacement, 0, out, from, replacement.length);
        System.arraycopy(value, to, out, from + replacement.length, value.length - to);
        return out;
    }

    private static int indexOf(byte[] bytes, byte b, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static int indexOf(byte[] bytes, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= bytes.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (bytes[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
