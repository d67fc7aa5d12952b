package io.streamgate.ingest.entities;

import java.util.List;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.streamgate.service.problem.ProblemMappers;

/** NGSI refusals as problem details, titled with NGSI's error name. */
public class NgsiProblemMapper {

    @ServerExceptionMapper
    public Response ngsi(NgsiProblemException e) {
        Response.ResponseBuilder response = ProblemMappers.problem(e.status(), "ngsi/" + e.error(), e.error(),
                e.getMessage(), List.of());
        if (e.retryAfter() != null) {
            response.header("Retry-After", Math.max(1, e.retryAfter().toSeconds()));
        }
        return response.build();
    }
}
