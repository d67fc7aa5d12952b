package io.streamgate.gateway.auth;

import java.io.IOException;
import java.time.Instant;
import java.util.concurrent.CompletionException;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.streamgate.platform.identity.AuthenticationException;
import io.streamgate.platform.identity.TokenIssuer;
import io.streamgate.platform.identity.TokenIssuingDisabledException;
import io.streamgate.platform.json.Json;
import io.streamgate.platform.problem.ProblemDetail;

/**
 * {@code POST /api/v1/auth/refresh {"refresh_token": "…"}}: the refresh both Haltless's dashboard (on close
 * 4001) and Spooled's SDKs (before {@code exp}) call, with one answer shape for both ({@link TokenGrant}).
 * The refresh token is single-use: the answer carries its replacement.
 */
@Path("/api/v1/auth/refresh")
public class TokenRefreshResource {

    private static final Logger LOG = Logger.getLogger(TokenRefreshResource.class);

    private final TokenIssuer issuer;
    private final MeterRegistry registry;

    TokenRefreshResource(TokenIssuer issuer, MeterRegistry registry) {
        this.issuer = issuer;
        this.registry = registry;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces({ MediaType.APPLICATION_JSON, ProblemDetail.MEDIA_TYPE })
    public Uni<Response> refresh(byte[] body) {
        String refreshToken;
        try {
            JsonNode request = Json.mapper().readTree(body);
            JsonNode value = request == null ? null : request.get("refresh_token");
            if (value == null || !value.isTextual() || value.asText().isBlank()) {
                return Uni.createFrom().item(ProblemResponses.of(400, "invalid-request", "Invalid request",
                        "the body must be a JSON object with a non-empty \"refresh_token\""));
            }
            refreshToken = value.asText();
        } catch (IOException e) {
            return Uni.createFrom().item(ProblemResponses.of(400, "malformed-json", "Malformed JSON", "the body is not JSON"));
        }
        return Uni.createFrom().completionStage(() -> issuer.refresh(refreshToken))
                .map(tokens -> {
                    registry.counter("streamgate.gateway.auth.refreshed", "outcome", "issued").increment();
                    return Response.ok(TokenGrant.of(tokens, Instant.now()), MediaType.APPLICATION_JSON).build();
                })
                .onFailure().recoverWithItem(failure -> {
                    Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
                    registry.counter("streamgate.gateway.auth.refreshed", "outcome", "refused").increment();
                    if (cause instanceof AuthenticationException refused) {
                        return ProblemResponses.of(401, "unauthenticated", "Refresh refused", refused.getMessage());
                    }
                    if (cause instanceof TokenIssuingDisabledException disabled) {
                        return ProblemResponses.of(503, "unavailable", "Token issuing unavailable", disabled.getMessage());
                    }
                    LOG.warnf("refresh failed: %s", cause.toString());
                    return ProblemResponses.of(503, "unavailable", "Token issuing unavailable", "the token store cannot be reached; retry");
                });
    }
}
