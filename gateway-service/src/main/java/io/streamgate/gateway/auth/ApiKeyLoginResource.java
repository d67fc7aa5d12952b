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
import io.streamgate.platform.identity.ApiKeys;
import io.streamgate.platform.identity.AuthenticationException;
import io.streamgate.platform.identity.TokenIssuer;
import io.streamgate.platform.identity.TokenIssuingDisabledException;
import io.streamgate.platform.identity.TokenVerifier;
import io.streamgate.platform.json.Json;
import io.streamgate.platform.problem.ProblemDetail;

/**
 * {@code POST /api/v1/auth/login {"api_key": "sp_live_…"}}: Spooled's exchange of an API key for a short-lived
 * JWT and a refresh token ({@link TokenGrant}), which its SDKs do before opening {@code /api/v1/ws?token=}
 * and repeat before the token's {@code exp}. The JWT carries the key's tenant and roles.
 */
@Path("/api/v1/auth/login")
public class ApiKeyLoginResource {

    private static final Logger LOG = Logger.getLogger(ApiKeyLoginResource.class);

    private final TokenVerifier verifier;
    private final TokenIssuer issuer;
    private final MeterRegistry registry;

    ApiKeyLoginResource(TokenVerifier verifier, TokenIssuer issuer, MeterRegistry registry) {
        this.verifier = verifier;
        this.issuer = issuer;
        this.registry = registry;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces({ MediaType.APPLICATION_JSON, ProblemDetail.MEDIA_TYPE })
    public Uni<Response> login(byte[] body) {
        String apiKey;
        try {
            JsonNode request = Json.mapper().readTree(body);
            JsonNode value = request == null ? null : request.get("api_key");
            if (value == null || !value.isTextual() || value.asText().isBlank()) {
                return Uni.createFrom().item(ProblemResponses.of(400, "invalid-request", "Invalid request",
                        "the body must be a JSON object with a non-empty \"api_key\""));
            }
            apiKey = value.asText().strip();
        } catch (IOException e) {
            return Uni.createFrom().item(ProblemResponses.of(400, "malformed-json", "Malformed JSON", "the body is not JSON"));
        }
        if (!ApiKeys.looksLikeApiKey(apiKey)) {
            return Uni.createFrom().item(refused("not an API key (they start with " + ApiKeys.PREFIXES + ")"));
        }
        return Uni.createFrom().completionStage(() -> verifier.verify(apiKey))
                .chain(caller -> Uni.createFrom().completionStage(() -> issuer.issue(caller.identity())))
                .map(tokens -> {
                    registry.counter("streamgate.gateway.auth.logins", "outcome", "issued").increment();
                    return Response.ok(TokenGrant.of(tokens, Instant.now()), MediaType.APPLICATION_JSON).build();
                })
                .onFailure().recoverWithItem(failure -> {
                    Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
                    if (cause instanceof AuthenticationException refusal) {
                        return refused(refusal.getMessage());
                    }
                    registry.counter("streamgate.gateway.auth.logins", "outcome", "unavailable").increment();
                    if (cause instanceof TokenIssuingDisabledException disabled) {
                        return ProblemResponses.of(503, "unavailable", "Token issuing unavailable", disabled.getMessage());
                    }
                    LOG.warnf("login failed: %s", cause.toString());
                    return ProblemResponses.of(503, "unavailable", "Token issuing unavailable",
                            "the key store cannot be reached; retry");
                });
    }

    private Response refused(String reason) {
        registry.counter("streamgate.gateway.auth.logins", "outcome", "refused").increment();
        return ProblemResponses.of(401, "unauthenticated", "Login refused", reason);
    }
}
