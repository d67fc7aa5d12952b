package io.streamgate.gateway.auth;

import java.util.concurrent.CompletionException;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.streamgate.platform.identity.ApiKeys;
import io.streamgate.platform.identity.Authenticated;
import io.streamgate.platform.identity.AuthenticationException;
import io.streamgate.platform.identity.TokenVerifier;
import io.vertx.core.http.HttpServerRequest;

/**
 * Verifies the credential of every WebSocket handshake and SSE request once. Only a foreign browser
 * origin is refused before the upgrade (403): every product wants its own close code for a bad
 * credential, which needs an open socket, so the transports turn the outcome into the dialect's code.
 */
@ApplicationScoped
public class HandshakeAuthentication {

    private static final Logger LOG = Logger.getLogger(HandshakeAuthentication.class);

    private final TokenVerifier verifier;
    private final GatewayAuthConfig config;
    private final MeterRegistry registry;

    HandshakeAuthentication(TokenVerifier verifier, GatewayAuthConfig config, MeterRegistry registry) {
        this.verifier = verifier;
        this.config = config;
        this.registry = registry;
    }

    /** False for a browser origin outside {@code streamgate.auth.allowed-origins}: the upgrade is refused with 403. */
    public boolean originAllowed(HttpServerRequest request) {
        String origin = request.getHeader("Origin");
        if (origin != null && config.allowedOrigins().isPresent() && !config.allowedOrigins().get().contains(origin)) {
            registry.counter("streamgate.gateway.auth.refused", "reason", "origin").increment();
            return false;
        }
        return true;
    }

    /** What the request's credential proves; for WebSocket handshakes and SSE requests alike. */
    public Uni<HandshakeOutcome> outcome(HttpServerRequest request) {
        var token = HandshakeCredentials.find(request, config.queryTokenEnabled());
        if (token.isEmpty()) {
            return Uni.createFrom().item(new HandshakeOutcome.Anonymous());
        }
        return verify(token.get());
    }

    /** Verifies the API key again; only a positive refusal counts as revoked. */
    private CredentialCheck recheck(String apiKey) {
        return () -> verifier.verify(apiKey).handle((caller, failure) -> {
            if (failure == null) {
                return true;
            }
            Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
            return !(cause instanceof AuthenticationException);
        });
    }

    /** What a token proves, wherever it came from (the handshake, or a dialect's first message). */
    public Uni<HandshakeOutcome> verify(String token) {
        Uni<Authenticated> verification = Uni.createFrom().completionStage(() -> verifier.verify(token));
        if (verifier.mayBlock(token)) {
            // A JWKS fetch is blocking I/O: off the event loop. Every caller goes back to its connection's context.
            verification = verification.runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
        }
        return verification
                .map(caller -> (HandshakeOutcome) new HandshakeOutcome.Verified(caller,
                        ApiKeys.looksLikeApiKey(token) ? recheck(token) : null))
                .onFailure().recoverWithItem(failure -> {
                    Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
                    String reason = cause instanceof AuthenticationException refused ? refused.getMessage()
                            : "credential store unavailable";
                    if (!(cause instanceof AuthenticationException)) {
                        LOG.warnf("credential check failed: %s", cause.toString());
                    }
                    registry.counter("streamgate.gateway.auth.refused", "reason", "credential").increment();
                    return new HandshakeOutcome.Refused(reason);
                });
    }
}
