package io.streamgate.ingest.refusals;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.streamgate.devstack.DevCredentials;
import io.streamgate.platform.identity.Role;
import io.streamgate.platform.json.Json;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.streamgate.devstack.DevstackTestResource;
import io.streamgate.ingest.identity.TestCallers;

/** What a client gets for each refusal the framework, not a resource, decides: one parseable format. */
@QuarkusTest
@WithTestResource(value = DevstackTestResource.class, scope = TestResourceScope.GLOBAL)
class RefusalsAreProblemDocumentsTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String ONE_AIRCRAFT = "{\"now\":1785349721.5,\"aircraft\":[{\"hex\":\"c0ffee\",\"lat\":1.0,"
            + "\"lon\":2.0}]}";

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TestHTTPResource("/v1/aircraft")
    URI aircraft;

    @Test
    void aBodyOverTheLimitIs413WithTheLimit() throws Exception {
        for (int mebibytes : new int[] {11, 50}) {
            // As curl sends a large body: Expect: 100-continue, so the refusal comes before the body is sent.
            String answer = exchangeHeadersOnly("POST /v1/aircraft HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer " + DevCredentials.tokenFor("default", Role.USER) + "\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + mebibytes * 1024L * 1024L + "\r\n"
                    + "Expect: 100-continue\r\n\r\n");
            assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
            assertTrue(answer.toLowerCase(Locale.ROOT).contains("content-type: " + PROBLEM), answer);
            JsonNode problem = Json.mapper().readTree(answer.substring(answer.indexOf("\r\n\r\n") + 4));
            assertEquals(413, problem.path("status").asInt());
            assertTrue(problem.path("detail").asText().contains("at most 10485760 bytes"), answer);
        }
    }

    /** The whole answer to a request sent as headers only; the server closes after refusing it. */
    private String exchangeHeadersOnly(String head) throws Exception {
        try (Socket socket = new Socket(aircraft.getHost(), aircraft.getPort())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aBodyThatIsNotJsonByContentTypeIs415() {
        problem(TestCallers.api().contentType("text/plain").body(ONE_AIRCRAFT).post("/v1/aircraft").then(), 415)
                .body("detail", containsString("application/json"));
    }

    @Test
    void aMethodTheResourceDoesNotTakeIs405() {
        problem(TestCallers.api().get("/v1/aircraft").then(), 405)
                .body("detail", equalTo("GET is not allowed on /v1/aircraft"));
    }

    @Test
    void aPathNoResourceServesIs404() {
        problem(TestCallers.api().get("/v1/no-such-thing").then(), 404);
    }

    @Test
    void aPostWithoutContentTypeIsReadAsJson() throws Exception {
        HttpResponse<String> accepted = send(HttpRequest.newBuilder(aircraft)
                .POST(HttpRequest.BodyPublishers.ofString(ONE_AIRCRAFT)));
        assertEquals(202, accepted.statusCode(), accepted.body());
        HttpResponse<String> notJson = send(HttpRequest.newBuilder(aircraft)
                .POST(HttpRequest.BodyPublishers.ofString("not json")));
        assertEquals(400, notJson.statusCode());
        assertEquals(PROBLEM, notJson.headers().firstValue("Content-Type").orElse(""));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return CLIENT.send(request.header("Authorization", "Bearer " + DevCredentials.tokenFor("default", Role.USER))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static ValidatableResponse problem(ValidatableResponse response, int status) {
        return response.statusCode(status).contentType(PROBLEM)
                .body("status", equalTo(status))
                .body("type", containsString("https://streamgate.io/problems/"))
                .body("title", not(emptyOrNullString()))
                .body("detail", not(emptyOrNullString()));
    }
}
