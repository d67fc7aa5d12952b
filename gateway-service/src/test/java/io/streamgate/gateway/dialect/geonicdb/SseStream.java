package io.streamgate.gateway.dialect.geonicdb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A real Server-Sent Events client over java.net.http: reads events (id, event name, data) as a browser would. */
final class SseStream implements AutoCloseable {

    record Event(String id, String name, String data) {
    }

    private final BufferedReader lines;

    private SseStream(BufferedReader lines) {
        this.lines = lines;
    }

    static SseStream open(URI uri, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream");
        headers.forEach(request::header);
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(request.build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        assertEquals("text/event-stream", response.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        return new SseStream(new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8)));
    }

    /** The next event with data (comments and {@code retry:} skipped), within {@code timeout}. */
    Event next(Duration timeout) throws Exception {
        return CompletableFuture.supplyAsync(this::read).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private Event read() {
        try {
            String id = null;
            String name = null;
            StringBuilder data = new StringBuilder();
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isEmpty()) {
                    if (data.length() > 0) {
                        return new Event(id, name, data.toString());
                    }
                    id = null;
                    name = null;
                } else if (line.startsWith("id: ")) {
                    id = line.substring(4);
                } else if (line.startsWith("event: ")) {
                    name = line.substring(7);
                } else if (line.startsWith("data: ")) {
                    data.append(line.substring(6));
                }
            }
            throw new AssertionError("the stream ended");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws Exception {
        lines.close();
    }
}
