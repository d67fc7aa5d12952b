package io.streamgate.platform.problem;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem details body ({@code application/problem+json}), with the {@code errors}
 * extension member listing each bad field. Shared by every service's refusals, the gateway's included;
 * registered for reflection in the platform's {@code reflect-config.json}.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ProblemDetail(String type, String title, int status, String detail, List<FieldProblem> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** Where StreamGate's problem types live; {@code slug} names the kind of refusal. */
    public static final String TYPE_BASE = "https://streamgate.io/problems/";

    public static ProblemDetail of(int status, String slug, String title, String detail) {
        return new ProblemDetail(TYPE_BASE + slug, title, status, detail, List.of());
    }
}
