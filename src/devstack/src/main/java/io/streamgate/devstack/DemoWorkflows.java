package io.streamgate.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.streamgate.platform.json.Json;

/**
 * The demo's workflows, created through safety's REST API as a user would, in the tenant the demo devices report
 * to, with webhooks to a {@link DemoWebhookReceiver} in the launcher: every SpatialFlow channel (workflow status,
 * execution steps, webhook statuses) moves within a few minutes of a fresh start.
 *
 * <ul>
 * <li>{@code Truck at the airport}: {@code truck-*} enters {@code zrh-airport} → wait 2 s → webhook.</li>
 * <li>{@code Main station traffic}: any entry or exit of {@code zurich-hb} → condition (the bike and the truck
 * only: the pedestrian's executions skip the webhook) → webhook.</li>
 * </ul>
 */
public final class DemoWorkflows {

    /** Path and definition (with {@code %s} for the receiver's URL) of each demo workflow. */
    private record Demo(String path, String definition) {
    }

    private static final List<Demo> DEMOS = List.of(
            new Demo("/hooks/airport", """
                    {"name": "Truck at the airport",
                     "trigger": {"geofence_id": "zrh-airport", "event_type": "entry", "device_pattern": "truck-*"},
                     "steps": [
                       {"type": "wait", "seconds": 2},
                       {"type": "webhook", "url": "%s", "headers": {"X-Demo": "airport"},
                        "body": "{\\"text\\": \\"{{device_id}} arrived at {{geofence_name}}\\", \\"at\\": \\"{{timestamp}}\\"}"}
                     ]}"""),
            new Demo("/hooks/station", """
                    {"name": "Main station traffic",
                     "trigger": {"geofence_id": "zurich-hb"},
                     "steps": [
                       {"type": "condition", "field": "device_id", "operator": "in", "values": ["bike-3", "truck-12"]},
                       {"type": "webhook", "url": "%s",
                        "body": "{\\"device\\": \\"{{device_id}}\\", \\"event\\": \\"{{event_type}}\\", \\"fence\\": \\"{{geofence_id}}\\"}"}
                     ]}"""));

    /** Setting: every how many calls the receiver answers 503 (0: never). */
    static final String FAIL_EVERY = "streamgate.traffic.webhooks.fail-every";

    private DemoWorkflows() {
    }

    /** {@value #FAIL_EVERY} as a system property, else the environment variable, else 4. */
    static int failEvery() {
        String value = System.getProperty(FAIL_EVERY, System.getenv("STREAMGATE_TRAFFIC_WEBHOOKS_FAIL_EVERY"));
        try {
            return value == null || value.isBlank() ? 4 : Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(FAIL_EVERY + " must be a whole number, not '" + value + "'");
        }
    }

    /** @return the names of the workflows created */
    public static List<String> create(URI safety, String token, DemoWebhookReceiver receiver) {
        HttpClient http = HttpClient.newHttpClient();
        return DEMOS.stream().map(demo -> {
            String body = demo.definition().formatted(receiver.url(demo.path()));
            HttpRequest request = HttpRequest.newBuilder(safety.resolve("/v1/workflows"))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
            try {
                HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                if (response.statusCode() != 201) {
                    throw new IllegalStateException("creating a demo workflow failed: HTTP " + response.statusCode());
                }
                JsonNode created = Json.mapper().readTree(response.body());
                receiver.secret(demo.path(), created.path("secret").asText());
                return created.path("name").asText() + " (" + created.path("id").asText() + ")";
            } catch (IOException e) {
                throw new IllegalStateException("creating a demo workflow failed", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }).toList();
    }
}
