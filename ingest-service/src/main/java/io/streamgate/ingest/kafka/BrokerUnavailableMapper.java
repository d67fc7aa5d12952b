package io.streamgate.ingest.kafka;

import java.util.List;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.streamgate.service.problem.ProblemMappers;

/** A write Kafka did not acknowledge is a 503 the client may retry after {@code Retry-After}. */
public class BrokerUnavailableMapper {

    @ServerExceptionMapper
    public Response unavailable(BrokerUnavailableException e) {
        return ProblemMappers.problem(503, "broker-unavailable", "Kafka did not acknowledge the write", e.getMessage(),
                List.of()).header("Retry-After", e.retryAfter().toSeconds()).build();
    }
}
