package io.streamgate.ingest.adsb.poll;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** GETs a receiver's {@code aircraft.json}, refusing bodies over a limit instead of buffering them. */
final class AircraftJsonFetcher {

    private final HttpClient client;
    private final Duration timeout;
    private final int maxBodyBytes;

    AircraftJsonFetcher(HttpClient client, Duration timeout, int maxBodyBytes) {
        this.client = client;
        this.timeout = timeout;
        this.maxBodyBytes = maxBodyBytes;
    }

    byte[] fetch(ReceiverUrl receiver) throws PollFailure, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(receiver.request()).timeout(timeout)
                .header("Accept", "application/json").GET();
        receiver.authorization().ifPresent(value -> request.header("Authorization", value));
        HttpResponse<InputStream> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new PollFailure(PollOutcome.UNREACHABLE, e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new PollFailure(PollOutcome.HTTP_STATUS, "HTTP " + response.statusCode());
            }
            byte[] bytes = body.readNBytes(maxBodyBytes + 1);
            if (bytes.length > maxBodyBytes) {
                throw new PollFailure(PollOutcome.TOO_LARGE, "body over " + maxBodyBytes + " bytes");
            }
            return bytes;
        } catch (IOException e) {
            throw new PollFailure(PollOutcome.UNREACHABLE, "reading the body failed: " + e.getClass().getSimpleName());
        }
    }
}
