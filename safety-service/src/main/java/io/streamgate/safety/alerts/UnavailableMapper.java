package io.streamgate.safety.alerts;

import java.util.List;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.streamgate.service.problem.ProblemMappers;

/** Redis or Kafka did not answer: 503 problem details with Retry-After. */
public class UnavailableMapper {

    @ServerExceptionMapper
    public Response unavailable(Unavailable e) {
        return ProblemMappers.problem(503, "unavailable", "A backing service is unavailable; retry later",
                e.getMessage(), List.of()).header("Retry-After", 5).build();
    }
}
