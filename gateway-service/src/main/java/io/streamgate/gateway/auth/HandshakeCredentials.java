package io.streamgate.gateway.auth;

import java.util.Optional;

import io.vertx.core.http.HttpServerRequest;

/**
 * Finds the credential of a WebSocket handshake, in the priority order every product documents:
 * {@code Authorization: Bearer}, then {@code Sec-WebSocket-Protocol: access_token|Bearer, <token>},
 * then the deprecated {@code ?token=}.
 */
final class HandshakeCredentials {

    private static final String BEARER = "Bearer ";

    private HandshakeCredentials() {
    }

    static Optional<String> find(HttpServerRequest request, boolean queryTokenEnabled) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.of(authorization.substring(BEARER.length()).strip());
        }
        String protocols = request.getHeader("Sec-WebSocket-Protocol");
        if (protocols != null) {
            String[] values = protocols.split(",");
            for (int i = 0; i + 1 < values.length; i++) {
                String marker = values[i].strip();
                if (marker.equals("access_token") || marker.equals("Bearer")) {
                    return Optional.of(values[i + 1].strip());
                }
            }
        }
        if (queryTokenEnabled) {
            String token = request.getParam("token");
            if (token != null && !token.isBlank()) {
                return Optional.of(token);
            }
        }
        return Optional.empty();
    }
}
