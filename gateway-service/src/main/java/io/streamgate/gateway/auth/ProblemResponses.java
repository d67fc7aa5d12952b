package io.streamgate.gateway.auth;

import jakarta.ws.rs.core.Response;

import io.streamgate.platform.problem.ProblemDetail;

/** The problem answers of the gateway's token endpoints (login, refresh). */
final class ProblemResponses {

    private ProblemResponses() {
    }

    static Response of(int status, String slug, String title, String detail) {
        return Response.status(status).type(ProblemDetail.MEDIA_TYPE)
                .entity(ProblemDetail.of(status, slug, title, detail)).build();
    }
}
