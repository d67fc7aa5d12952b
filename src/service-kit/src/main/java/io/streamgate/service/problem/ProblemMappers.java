package io.streamgate.service.problem;

import io.streamgate.platform.problem.ProblemDetail;
import io.streamgate.platform.problem.FieldProblem;
import java.util.List;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns every refusal into problem details, so clients parse one error format. */
public class ProblemMappers {


    @ServerExceptionMapper
    public Response invalid(InvalidRequestException e) {
        return problem(422, "invalid-request", "The request was rejected whole; nothing of it was written",
                e.getMessage(), e.problems()).build();
    }

    @ServerExceptionMapper
    public Response malformed(MalformedJsonException e) {
        return problem(400, "malformed-json", "The body is not JSON", e.getMessage(), List.of()).build();
    }

    /** A problem response; other packages use it so that every refusal has the same shape and type base. */
    public static Response.ResponseBuilder problem(int status, String slug, String title, String detail,
            List<FieldProblem> errors) {
        return Response.status(status).type(ProblemDetail.MEDIA_TYPE)
                .entity(new ProblemDetail(ProblemDetail.TYPE_BASE + slug, title, status, detail, errors));
    }
}
