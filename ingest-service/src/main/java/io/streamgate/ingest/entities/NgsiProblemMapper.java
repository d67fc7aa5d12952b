package io.streamgate.ingest.entities;

import java.util.List;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.streamgate.platform.json.Json;
import io.streamgate.platform.problem.FieldProblem;
import io.streamgate.platform.problem.ProblemDetail;
import io.streamgate.service.problem.InvalidRequestException;
import io.streamgate.service.problem.MalformedJsonException;

/**
 * NGSI refusals as problem details that are also NGSI v2 error bodies: {@code error} and {@code description}
 * are what FIWARE clients (and Orion's own answers) read, {@code title}/{@code detail} what problem+json
 * clients read; both carry the same words.
 */
public class NgsiProblemMapper {

    @ServerExceptionMapper
    public Response ngsi(NgsiProblemException e) {
        Response.ResponseBuilder response = response(e.status(), e.error(), e.getMessage(), List.of());
        if (e.retryAfter() != null) {
            response.header("Retry-After", Math.max(1, e.retryAfter().toSeconds()));
        }
        return response.build();
    }

    /** For the entity resources' own mappers: a body that fails validation, in NGSI's terms. */
    static Response invalid(InvalidRequestException e) {
        return response(422, "Unprocessable", e.getMessage(), e.problems()).build();
    }

    /** Orion answers a body it cannot parse with {@code ParseError}. */
    static Response malformed(MalformedJsonException e) {
        return response(400, "ParseError", e.getMessage(), List.of()).build();
    }

    private static Response.ResponseBuilder response(int status, String error, String description,
            List<FieldProblem> errors) {
        ObjectNode body = Json.mapper().valueToTree(new ProblemDetail(ProblemDetail.TYPE_BASE + "ngsi/" + error, error,
                status, description, errors));
        body.put("error", error);
        body.put("description", description);
        return Response.status(status).type(ProblemDetail.MEDIA_TYPE).entity(body);
    }
}
