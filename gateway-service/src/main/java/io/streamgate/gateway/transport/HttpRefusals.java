package io.streamgate.gateway.transport;

import io.streamgate.platform.json.Json;
import io.streamgate.platform.problem.HttpRefusal;
import io.streamgate.platform.problem.ProblemDetail;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;

/**
 * The HTTP answers of a streaming request refused before its stream starts (an SSE request, or a
 * WebSocket upgrade checked before the upgrade): problem documents, as every other refusal of the gateway.
 */
final class HttpRefusals {

    private HttpRefusals() {
    }

    static void unauthenticated(HttpServerResponse response, String reason) {
        response.putHeader("WWW-Authenticate", "Bearer");
        problem(response, ProblemDetail.of(401, "unauthenticated", "Authentication required", reason));
    }

    static void badRequest(HttpServerResponse response, String reason) {
        problem(response, ProblemDetail.of(400, "invalid-request", "Invalid request", reason));
    }

    static void tooManyConnections(HttpServerResponse response, int limit) {
        response.putHeader("Retry-After", "5");
        problem(response, ProblemDetail.of(429, "too-many-connections", "Too many connections",
                "this tenant already holds " + limit + " connections to this API; close one or retry later"));
    }

    /** A stream's path asked with another method than the one it serves. */
    static void methodNotAllowed(HttpServerResponse response, String method, String path, String allowed) {
        response.putHeader("Allow", allowed);
        problem(response, HttpRefusal.of(405, HttpRefusal.defaultDetail(405, method, path)
                + "; an event stream is read with " + allowed));
    }

    private static void problem(HttpServerResponse response, ProblemDetail problem) {
        response.setStatusCode(problem.status()).putHeader("Content-Type", ProblemDetail.MEDIA_TYPE)
                .end(Buffer.buffer(Json.encode(problem)));
    }
}
