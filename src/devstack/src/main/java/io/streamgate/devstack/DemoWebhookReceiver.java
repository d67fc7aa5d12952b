package io.streamgate.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The local receiver of the demo workflows' webhooks, in the launcher's JVM: checks each call's signature with
 * the secret its workflow was created with, prints one line (delivery id, signature check, the body) and answers
 * 200, except every {@code failEvery}-th call, which gets 503 so the stack's retries and {@code retrying}
 * statuses show. A receiver in production would also drop a delivery id it has seen (at-least-once).
 */
public final class DemoWebhookReceiver implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "demo-webhooks");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, String> secrets = new ConcurrentHashMap<>();
    private final AtomicLong calls = new AtomicLong();
    private final int failEvery;
    private final Consumer<String> log;

    public DemoWebhookReceiver(int failEvery, Consumer<String> log) {
        this.failEvery = failEvery;
        this.log = log;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The URL of {@code path} on this receiver, whose calls are checked with {@code secret} once it is known. */
    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    public void secret(String path, String secret) {
        secrets.put(path, secret);
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        long n = calls.incrementAndGet();
        String path = exchange.getRequestURI().getPath();
        String delivery = exchange.getRequestHeaders().getFirst("X-StreamGate-Delivery");
        String signature = exchange.getRequestHeaders().getFirst("X-StreamGate-Signature");
        String check = verified(secrets.get(path), body, signature) ? "signature ok" : "SIGNATURE MISMATCH";
        int status = failEvery > 0 && n % failEvery == 0 ? 503 : 200;
        log.accept(String.format("  webhook    %s delivery %s, %s -> %d %s", path, delivery, check, status,
                new String(body, StandardCharsets.UTF_8)));
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    static boolean verified(String secret, byte[] body, String signature) {
        if (secret == null || signature == null) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] expected = ("sha256=" + HexFormat.of().formatHex(mac.doFinal(body)))
                    .getBytes(StandardCharsets.UTF_8);
            return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
