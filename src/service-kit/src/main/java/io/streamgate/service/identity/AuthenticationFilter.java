package io.streamgate.service.identity;

import java.util.List;
import java.util.concurrent.CompletionException;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.streamgate.service.problem.ProblemMappers;
import io.streamgate.platform.identity.AuthenticationException;
import io.streamgate.platform.identity.TokenVerifier;

/**
 * Resolves the caller of every API request ({@code /v1/…}, {@code /v2/…}) from
 * {@code Authorization: Bearer <JWT or API key>} before the resource runs. The token never reaches a
 * log line: only the reason it was refused does.
 */
public class AuthenticationFilter {

    private static final Logger LOG = Logger.getLogger(AuthenticationFilter.class);
    private static final List<String> PROTECTED = List.of("/v1/", "/v2/");
    private static final String BEARER = "Bearer ";

    private final TokenVerifier verifier;
    private final AuthConfig config;
    private final Caller caller;
    private final MeterRegistry registry;

    AuthenticationFilter(TokenVerifier verifier, AuthConfig config, Caller caller, MeterRegistry registry) {
        this.verifier = verifier;
        this.config = config;
        this.caller = caller;
        this.registry = registry;
    }

    @ServerRequestFilter
    Uni<Response> authenticate(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (PROTECTED.stream().noneMatch(path::startsWith)) {
            return Uni.createFrom().nullItem();
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || header.isBlank()) {
            return config.mode() == AuthMode.PUBLIC ? Uni.createFrom().nullItem()
                    : Uni.createFrom().item(refuse("a credential is required: Authorization: Bearer <token>"));
        }
        if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Uni.createFrom().item(refuse("only Bearer credentials are accepted"));
        }
        return Uni.createFrom().completionStage(() -> verifier.verify(header.substring(BEARER.length()).strip()))
                .map(authenticated -> {
                    caller.authenticate(authenticated.identity());
                    return (Response) null;
                })
                .onFailure().recoverWithItem(failure -> {
                    Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
                    if (cause instanceof AuthenticationException refused) {
                        return refuse(refused.getMessage());
                    }
                    LOG.warnf("credential check failed: %s", cause.toString());
                    return ProblemMappers.problem(503, "auth-unavailable", "Credentials cannot be checked right now",
                            "the key store did not answer", List.of()).header("Retry-After", 5).build();
                });
    }

    private Response refuse(String reason) {
        registry.counter("streamgate.auth.refused").increment();
        return ProblemMappers.problem(401, "unauthenticated", "Authentication required", reason, List.of())
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"").build();
    }
}
