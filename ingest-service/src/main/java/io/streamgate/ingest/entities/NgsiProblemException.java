package io.streamgate.ingest.entities;

import java.time.Duration;

/**
 * A refusal in NGSI's terms: the HTTP status plus NGSI v2's error name ({@code BadRequest}, {@code NotFound},
 * {@code Unprocessable}, …), which becomes the problem's {@code title} so that NGSI clients recognise it.
 * Invalid bodies use {@link io.streamgate.service.problem.InvalidRequestException} instead, which names each
 * bad field.
 */
public class NgsiProblemException extends RuntimeException {

    private final int status;
    private final String error;
    private final Duration retryAfter;

    NgsiProblemException(int status, String error, String detail, Duration retryAfter) {
        super(detail);
        this.status = status;
        this.error = error;
        this.retryAfter = retryAfter;
    }

    static NgsiProblemException badRequest(String detail) {
        return new NgsiProblemException(400, "BadRequest", detail, null);
    }

    static NgsiProblemException forbidden(String detail) {
        return new NgsiProblemException(403, "Forbidden", detail, null);
    }

    static NgsiProblemException notFound(String detail) {
        return new NgsiProblemException(404, "NotFound", detail, null);
    }

    static NgsiProblemException tooLarge(String detail) {
        return new NgsiProblemException(413, "RequestEntityTooLarge", detail, null);
    }

    static NgsiProblemException unsupportedMediaType(String detail) {
        return new NgsiProblemException(415, "UnsupportedMediaType", detail, null);
    }

    static NgsiProblemException unprocessable(String detail) {
        return new NgsiProblemException(422, "Unprocessable", detail, null);
    }

    static NgsiProblemException unavailable(String detail, Duration retryAfter) {
        return new NgsiProblemException(503, "ServiceUnavailable", detail, retryAfter);
    }

    public int status() {
        return status;
    }

    public String error() {
        return error;
    }

    /** When a retry may succeed; null when retrying the same request cannot help. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
