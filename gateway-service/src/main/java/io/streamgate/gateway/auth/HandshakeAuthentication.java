package io.streamgate.gateway.auth;

import java.util.concurrent.CompletionException;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.smallrye.mutiny.Uni;
import io.streamgate.platform.identity.AuthenticationException;
import io.streamgate.platform.identity.TokenVerifier;
import io.vertx.core.http.HttpServerRequest;

/**
 * Verifies the credential of every WebSocket handshake once, before the upgrade, and leaves the
 * outcome in the connection's user data for the dialect. Only a foreign browser origin is refused
 * here (403): every product wants its own close code for a bad credential, which needs an open socket.
 */
@ApplicationScoped
public class HandshakeAuthentication implements HttpUpgradeCheck {

    private static final Logger LOG = Logger.getLogger(HandshakeAuthentication.class);

    private final TokenVerifier verifier;
    private final GatewayAuthConfig config;
    private final MeterRegistry registry;

    HandshakeAuthentication(TokenVerifier verifier, GatewayAuthConfig config, MeterRegistry registry) {
        this.verifier = verifier;
        this.config = config;
        this.registry = registry;
    }

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        String origin = context.httpRequest().getHeader("Origin");
        if (origin != null && config.allowedOrigins().isPresent() && !config.allowedOrigins().get().contains(origin)) {
            registry.counter("streamgate.gateway.auth.refused", "reason", "origin").increment();
            return CheckResult.rejectUpgrade(403);
        }
        return outcome(context.httpRequest()).map(outcome -> {
            context.userData().put(HandshakeOutcome.KEY, outcome);
            return CheckResult.permitUpgradeSync();
        });
    }

    /** What the request's credential proves; for WebSocket handshakes and SSE requests alike. */
    public Uni<HandshakeOutcome> outcome(HttpServerRequest request) {
        var token = HandshakeCredentials.find(request, config.queryTokenEnabled());
        if (token.isEmpty()) {
            return Uni.createFrom().item(new HandshakeOutcome.Anonymous());
        }
        return Uni.createFrom().completionStage(() -> verifier.verify(token.get()))
                .map(caller -> (HandshakeOutcome) new HandshakeOutcome.Verified(caller))
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
