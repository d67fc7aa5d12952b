package io.streamgate.devstack.traffic;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;

import io.streamgate.platform.json.Json;

/**
 * Posts to ingest's public HTTP API as any feeder would, with {@code Authorization: Bearer}. The
 * credential is kept out of every message this class produces.
 */
public final class IngestClient implements AutoCloseable {

    private final URI ingest;
    private final String authorization;
    private final Duration timeout;
    private final ExecutorService executor;
    private final HttpClient http;

    /**
     * @param ingest     the ingest service's base URL
     * @param credential a JWT or an API key
     * @param timeout    how long one request may take, answer included
     * @param threads    threads for the client's I/O and callbacks (the client's own pool would outlive
     *                   {@link #close()} on Java 17)
     */
    public IngestClient(URI ingest, String credential, Duration timeout, int threads) {
        this.ingest = ingest;
        this.authorization = "Bearer " + credential;
        this.timeout = timeout;
        AtomicInteger count = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(threads, r -> {
            Thread thread = new Thread(r, "streamgate-traffic-http-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        // HTTP/1.1: a feeder keeps a few plain keep-alive connections; no h2c upgrade dance.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(executor)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** What ingest answered, or why there was no answer ({@code status} 0). */
    public record Outcome(int status, String body, String failure) {

        /** 202 with a receipt from the {@code /v1} feeds, 204 from the NGSI v2 entity API. */
        public boolean accepted() {
            return status == 202 || status == 204;
        }

        /** Worth sending again later: no answer, overload, a broker outage, a request still in flight. */
        public boolean transientFailure() {
            return status == 0 || status == 409 || status == 429 || status >= 500;
        }

        /** The receipt's {@code accepted} count, 0 without one. */
        public int acceptedRecords() {
            return receiptField("accepted");
        }

        /** The aircraft receipt's {@code without_position} count, 0 without one. */
        public int withoutPosition() {
            return receiptField("without_position");
        }

        /** A short reason for a log line: status and the problem's title or detail, never a header. */
        public String reason() {
            if (status == 0) {
                return failure;
            }
            String detail = "";
            try {
                JsonNode problem = Json.mapper().readTree(body);
                detail = problem.path("detail").asText(problem.path("title").asText(""));
            } catch (IOException | RuntimeException notAProblemDocument) {
                // keep just the status
            }
            return "HTTP " + status + (detail.isEmpty() ? "" : " (" + abbreviate(detail) + ")");
        }

        private int receiptField(String field) {
            if (status != 202 || body == null) {
                return 0;
            }
            try {
                return Json.mapper().readTree(body).path(field).asInt(0);
            } catch (IOException e) {
                return 0;
            }
        }

        private static String abbreviate(String text) {
            return text.length() <= 120 ? text : text.substring(0, 117) + "...";
        }
    }

    /** Posts and waits for the answer; never throws for a failed exchange, only for interruption. */
    public Outcome post(String path, byte[] body, String idempotencyKey) throws InterruptedException {
        try {
            HttpResponse<String> response = http.send(request(path, body, idempotencyKey),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Outcome(response.statusCode(), response.body(), null);
        } catch (IOException e) {
            return new Outcome(0, null, describe(e));
        }
    }

    /** Posts without waiting; the future never fails. */
    public CompletableFuture<Outcome> postAsync(String path, byte[] body) {
        return http.sendAsync(request(path, body, null), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .handle((response, error) -> error == null ? new Outcome(response.statusCode(), response.body(), null)
                        : new Outcome(0, null, describe(error)));
    }

    private HttpRequest request(String path, byte[] body, String idempotencyKey) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(ingest.resolve(path)).timeout(timeout)
                .header("Authorization", authorization).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (idempotencyKey != null) {
            builder.header("Idempotency-Key", idempotencyKey);
        }
        return builder.build();
    }

    private static String describe(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof HttpTimeoutException) {
            return "no answer within the timeout";
        }
        if (cause instanceof ConnectException) {
            return "connection refused";
        }
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    @Override
    public void close() {
        // Java 21 added HttpClient.shutdownNow(), which also ends the client's selector thread; on 17
        // that daemon thread ends by itself once the client is unreachable.
        try {
            HttpClient.class.getMethod("shutdownNow").invoke(http);
        } catch (ReflectiveOperationException olderJava) {
            // nothing more to stop than the executor below
        }
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
