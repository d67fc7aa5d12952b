package io.streamgate.platform.problem;

/**
 * The problem document of a refusal that HTTP itself names (no route, wrong method, body too large, wrong
 * media type, …): decided by the framework rather than by a resource, yet answered in the same format, so
 * a client parses one error shape whatever refused it.
 */
public final class HttpRefusal {

    private HttpRefusal() {
    }

    public static ProblemDetail of(int status, String detail) {
        return switch (status) {
            case 400 -> ProblemDetail.of(status, "bad-request", "Bad request", detail);
            case 401 -> ProblemDetail.of(status, "unauthenticated", "Authentication required", detail);
            case 403 -> ProblemDetail.of(status, "forbidden", "Forbidden", detail);
            case 404 -> ProblemDetail.of(status, "not-found", "Not found", detail);
            case 405 -> ProblemDetail.of(status, "method-not-allowed", "Method not allowed", detail);
            case 406 -> ProblemDetail.of(status, "not-acceptable", "Not acceptable", detail);
            case 413 -> ProblemDetail.of(status, "body-too-large", "Body too large", detail);
            case 414 -> ProblemDetail.of(status, "uri-too-long", "URI too long", detail);
            case 415 -> ProblemDetail.of(status, "unsupported-media-type", "Unsupported media type", detail);
            case 503 -> ProblemDetail.of(status, "unavailable", "Service unavailable", detail);
            default -> status >= 500
                    ? ProblemDetail.of(status, "internal-error", "Internal error", detail)
                    : ProblemDetail.of(status, "http-" + status, "Request refused", detail);
        };
    }

    /**
     * The detail of a refusal the REST framework made without a body (no method for the path or HTTP method, a
     * Content-Type or Accept no method takes), naming what the client sent where it helps.
     */
    public static String frameworkDetail(int status, String method, String path, String contentType) {
        return status == 415 ? "Content-Type " + contentType + " is not accepted at " + path + "; send application/json"
                : defaultDetail(status, method, path);
    }

    /** The detail for a status when the framework gave none: what the client can do about it. */
    public static String defaultDetail(int status, String method, String path) {
        return switch (status) {
            case 404 -> "nothing is served at " + path;
            case 405 -> method + " is not allowed on " + path;
            case 406 -> path + " cannot answer in a media type the Accept header allows";
            case 413 -> "the body is larger than this service accepts";
            case 415 -> "the Content-Type is not one " + path + " accepts; send application/json";
            default -> status >= 500 ? "the request failed on the server; the service log has the cause"
                    : "the request was refused (HTTP " + status + ")";
        };
    }
}
