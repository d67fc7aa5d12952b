package io.streamgate.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.streamgate.platform.json.Json;

/** Creates an API key through ingest's admin endpoint, as an operator would. */
public final class DevApiKey {

    private DevApiKey() {
    }

    public static String create(URI ingest, String adminToken) {
        HttpRequest request = HttpRequest.newBuilder(ingest.resolve("/v1/admin/api-keys"))
                .header("Authorization", "Bearer " + adminToken)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"devstack\",\"prefix\":\"sk_test_\"}"))
                .build();
        try {
            HttpResponse<byte[]> response = HttpClient.newHttpClient().send(request,
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 201) {
                throw new IllegalStateException("creating the devstack API key failed: HTTP " + response.statusCode());
            }
            return Json.mapper().readTree(response.body()).path("key").asText();
        } catch (IOException e) {
            throw new IllegalStateException("creating the devstack API key failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
