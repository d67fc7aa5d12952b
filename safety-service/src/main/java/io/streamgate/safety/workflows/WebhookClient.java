package io.streamgate.safety.workflows;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;

/**
 * One webhook attempt over Vert.x's WebClient on Quarkus's Vert.x instance: the step's headers, then the
 * delivery's own ({@code X-StreamGate-Delivery}, {@code X-StreamGate-Timestamp}, {@code X-StreamGate-Signature}),
 * the body as given. Redirects are not followed (the signature is for this URL's receiver). The caller's thread
 * waits for the outcome; the connection and the answer are bounded by the timeouts.
 */
@ApplicationScoped
public class WebhookClient {

    public static final String DELIVERY_HEADER = "X-StreamGate-Delivery";
    public static final String TIMESTAMP_HEADER = "X-StreamGate-Timestamp";

    /** What to send. */
    public record Call(String url, String method, Map<String, String> headers, byte[] body, String deliveryId,
            String secret, Duration timeout, Instant at) {
    }

    /**
     * What came back.
     *
     * @param httpStatus null when the receiver did not answer
     * @param error      why the attempt failed; null when delivered
     */
    public record Answer(Outcome outcome, Integer httpStatus, String error, long latencyMs) {
    }

    public enum Outcome {
        DELIVERED, RETRY, REFUSED
    }

    private final WebClient client;
    private final Duration connectTimeout;

    WebhookClient(Vertx vertx, WorkflowsConfig config) {
        this.connectTimeout = config.webhooks().connectTimeout();
        this.client = WebClient.create(vertx, new WebClientOptions()
                .setConnectTimeout((int) connectTimeout.toMillis())
                .setFollowRedirects(false)
                .setUserAgent("StreamGate-Webhooks/1")
                .setKeepAlive(true));
    }

    public Answer send(Call call) {
        long started = System.nanoTime();
        HttpRequest<Buffer> request = client.requestAbs(HttpMethod.valueOf(call.method()), call.url())
                .timeout(call.timeout().toMillis())
                .connectTimeout(connectTimeout.toMillis());
        boolean contentType = false;
        if (call.headers() != null) {
            for (Map.Entry<String, String> header : call.headers().entrySet()) {
                request.putHeader(header.getKey(), header.getValue());
                contentType |= header.getKey().equalsIgnoreCase("content-type");
            }
        }
        if (!contentType) {
            request.putHeader("Content-Type", "application/json");
        }
        request.putHeader(DELIVERY_HEADER, call.deliveryId());
        request.putHeader(TIMESTAMP_HEADER, String.valueOf(call.at().getEpochSecond()));
        request.putHeader(WebhookSignature.HEADER, WebhookSignature.sign(call.secret(), call.body()));
        try {
            HttpResponse<Buffer> response = request.sendBuffer(Buffer.buffer(call.body())).toCompletionStage()
                    .toCompletableFuture()
                    .get(connectTimeout.toMillis() + call.timeout().toMillis() + 1_000, TimeUnit.MILLISECONDS);
            return classify(response.statusCode(), elapsed(started));
        } catch (ExecutionException e) {
            return new Answer(Outcome.RETRY, null, describe(e.getCause(), call.timeout()), elapsed(started));
        } catch (TimeoutException e) {
            return new Answer(Outcome.RETRY, null, "no answer within " + call.timeout().toMillis() + " ms",
                    elapsed(started));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(Outcome.RETRY, null, "interrupted", elapsed(started));
        }
    }

    /** 2xx delivered; 408, 429 and 5xx worth another attempt; any other answer is final. */
    static Answer classify(int status, long latencyMs) {
        if (status >= 200 && status < 300) {
            return new Answer(Outcome.DELIVERED, status, null, latencyMs);
        }
        if (status == 408 || status == 429 || status >= 500) {
            return new Answer(Outcome.RETRY, status, "HTTP " + status, latencyMs);
        }
        return new Answer(Outcome.REFUSED, status, "HTTP " + status + " (not retried)", latencyMs);
    }

    /** The URL as a status record shows it: without user info or query string, which may carry credentials. */
    static String shown(String url) {
        try {
            URI uri = URI.create(url);
            return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), null, null).toString();
        } catch (Exception e) {
            return "(unparsable URL)";
        }
    }

    /**
     * Why an attempt got no answer, without the request line: Vert.x's messages name the path and query, which
     * may carry credentials, and the error goes into logs and {@code webhooks.status}.
     */
    private static String describe(Throwable cause, Duration timeout) {
        if (cause == null) {
            return "failed";
        }
        String name = cause.getClass().getSimpleName();
        if (name.contains("Timeout") || cause instanceof TimeoutException) {
            return "no answer within " + timeout.toMillis() + " ms";
        }
        if (cause instanceof java.net.ConnectException || cause instanceof java.net.UnknownHostException
                || cause instanceof javax.net.ssl.SSLException) {
            // Their messages name only the host and port, or the TLS problem.
            return name + ": " + cause.getMessage();
        }
        return name;
    }

    private static long elapsed(long started) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
