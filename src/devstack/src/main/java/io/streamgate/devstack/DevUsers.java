package io.streamgate.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * The demo's password user for GeonicDB's {@code POST /auth/login}, created through ingest's admin endpoint
 * as an operator would. DEMO CREDENTIALS ONLY: the password is the one GeonicDB's documentation uses in its
 * login example, so that example runs unchanged against the stack; it exists only in this run's Redis.
 */
public final class DevUsers {

    static final String TENANT = "default";
    static final String USERNAME = "demo";
    static final String EMAIL = "user@example.com";
    /** Demo only, printed in the banner; never a real deployment's password. */
    static final String DEMO_PASSWORD = "password123";

    private DevUsers() {
    }

    public static void create(URI ingest, String adminToken) {
        String body = "{\"username\":\"" + USERNAME + "\",\"email\":\"" + EMAIL + "\",\"password\":\""
                + DEMO_PASSWORD + "\",\"roles\":[\"user\"]}";
        HttpRequest request = HttpRequest.newBuilder(ingest.resolve("/v1/admin/users"))
                .header("Authorization", "Bearer " + adminToken)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            int status = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding())
                    .statusCode();
            // 409: a Redis kept from an earlier run has the user already.
            if (status != 201 && status != 409) {
                throw new IllegalStateException("creating the demo user failed: HTTP " + status);
            }
        } catch (IOException e) {
            throw new IllegalStateException("creating the demo user failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
