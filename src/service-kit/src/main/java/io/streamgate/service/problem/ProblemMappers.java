package io.streamgate.service.problem;

import io.streamgate.platform.problem.HttpRefusal;
import io.streamgate.platform.problem.ProblemDetail;
import io.streamgate.platform.problem.FieldProblem;
import java.util.List;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

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

    /**
     * RESTEasy's own refusals (no resource method for the path or method, a Content-Type or Accept no method
     * takes) come without a body; a response a resource built itself is kept as it is.
     */
    @ServerExceptionMapper
    public Response framework(WebApplicationException e, HttpHeaders headers, UriInfo uri, Request request) {
        Response original = e.getResponse();
        if (original.hasEntity()) {
            return original;
        }
        int status = original.getStatus();
        String path = "/" + uri.getPath().replaceFirst("^/", "");
        String detail = HttpRefusal.frameworkDetail(status, request.getMethod(), path,
                headers.getHeaderString(HttpHeaders.CONTENT_TYPE));
        // fromResponse keeps the framework's headers, Allow on a 405 among them.
        return Response.fromResponse(original).type(ProblemDetail.MEDIA_TYPE).entity(HttpRefusal.of(status, detail))
                .build();
    }

    /** A problem response; other packages use it so that every refusal has the same shape and type base. */
    public static Response.ResponseBuilder problem(int status, String slug, String title, String detail,
            List<FieldProblem> errors) {
        return Response.status(status).type(ProblemDetail.MEDIA_TYPE)
                .entity(new ProblemDetail(ProblemDetail.TYPE_BASE + slug, title, status, detail, errors));
    }
}
