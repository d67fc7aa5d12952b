package io.streamgate.e2e.faults;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * A receiver posting its {@code aircraft.json} to ingest: each post one document of {@link #AIRCRAFT} aircraft,
 * each aircraft one {@code aircraft.positions} record keyed by its hex. Event n stands for the whole post; its
 * key is the post's, so per-key counts are per aircraft times posts.
 */
final class AircraftFeed extends LiveFeed {

    static final int AIRCRAFT = 20;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Supplier<URI> ingest;
    private final String token;
    private final String document;

    AircraftFeed(String name, Supplier<URI> ingest, String token, int firstHex) {
        super(name);
        this.ingest = ingest;
        this.token = token;
        List<String> aircraft = new ArrayList<>();
        List<String> hexes = hexes(firstHex);
        for (int i = 0; i < hexes.size(); i++) {
            aircraft.add(String.format(Locale.ROOT, "{\"hex\":\"%s\",\"flight\":\"FLT%03d \",\"lat\":%.4f,"
                    + "\"lon\":%.4f,\"alt_baro\":12000,\"seen_pos\":0.1,\"seen\":0.1}", hexes.get(i), i,
                    47.40 + i * 0.01, 8.50 + i * 0.01));
        }
        this.document = "{\"now\":%d.0,\"messages\":1000,\"aircraft\":[" + String.join(",", aircraft) + "]}";
    }

    /** The hex codes the feed posts: {@code firstHex} and the next ones, six lower-case hex digits each. */
    static List<String> hexes(int firstHex) {
        List<String> hexes = new ArrayList<>();
        for (int i = 0; i < AIRCRAFT; i++) {
            hexes.add(String.format(Locale.ROOT, "%06x", firstHex + i));
        }
        return hexes;
    }

    @Override
    protected Outcome publish(FeedEvent event) throws Exception {
        String body = String.format(Locale.ROOT, document, System.currentTimeMillis() / 1000);
        HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(ingest.get().resolve("/v1/aircraft"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.discarding());
        return Outcome.http(response.statusCode());
    }

    @Override
    protected String keyOf(long n) {
        return "post";
    }
}
