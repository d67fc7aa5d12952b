package io.streamgate.safety.workflows;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.function.IntUnaryOperator;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP receiver on a free port that records every call and answers as told: {@code answer} maps the call
 * number (from 1) to a status code, or to {@link #NEVER} to hold the call open without answering. It checks
 * signatures the way docs/workflows.md tells a receiver to, with its own HMAC code.
 */
final class WebhookReceiver implements AutoCloseable {

    static final int NEVER = -1;

    record Call(String method, String path, String deliveryId, String signature, String timestamp, String contentType,
            String custom, byte[] body, java.time.Instant at) {

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** The receiver's check: HMAC-SHA256 of the raw body with the secret, compared in constant time. */
        boolean signedWith(String secret) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                String expected = "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
                return signature != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                        signature.getBytes(StandardCharsets.UTF_8));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private final HttpServer server;
    private final IntUnaryOperator answer;
    private final List<Call> calls = new ArrayList<>();
    private final List<HttpExchange> held = new ArrayList<>();

    WebhookReceiver(IntUnaryOperator answer) throws IOException {
        this.answer = answer;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        int status;
        synchronized (this) {
            calls.add(new Call(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("X-StreamGate-Delivery"),
                    exchange.getRequestHeaders().getFirst("X-StreamGate-Signature"),
                    exchange.getRequestHeaders().getFirst("X-StreamGate-Timestamp"),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    exchange.getRequestHeaders().getFirst("X-Custom"), body, java.time.Instant.now()));
            status = answer.applyAsInt(calls.size());
            if (status == NEVER) {
                held.add(exchange);
                return;
            }
        }
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        synchronized (this) {
            held.forEach(HttpExchange::close);
        }
    }
}
