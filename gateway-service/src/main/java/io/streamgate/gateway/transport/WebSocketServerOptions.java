package io.streamgate.gateway.transport;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.vertx.core.http.HttpServerOptions;

/** Puts the WebSocket transport's limits and subprotocols on the HTTP server that upgrades its connections. */
@ApplicationScoped
public class WebSocketServerOptions implements HttpServerOptionsCustomizer {

    private final WebSocketConfig config;

    WebSocketServerOptions(WebSocketConfig config) {
        this.config = config;
    }

    @Override
    public void customizeHttpServer(HttpServerOptions options) {
        if (config.maxFrameBytes() < config.maxMessageBytes()) {
            throw new IllegalStateException("streamgate.gateway.websocket.max-frame-bytes (" + config.maxFrameBytes()
                    + ") must be at least max-message-bytes (" + config.maxMessageBytes() + ")");
        }
        options.setWebSocketSubProtocols(config.subprotocols());
        // Vert.x offers both deflate extensions by default; they are the fan-out's choice (WebSocketConfig).
        options.setPerMessageWebSocketCompressionSupported(config.perMessageDeflate());
        options.setPerFrameWebSocketCompressionSupported(config.perMessageDeflate());
        options.setMaxWebSocketFrameSize(config.maxFrameBytes());
        // The transport assembles messages itself (InboundMessages) and refuses them at max-message-bytes.
        options.setMaxWebSocketMessageSize(config.maxFrameBytes());
    }

    @Override
    public void customizeHttpsServer(HttpServerOptions options) {
        customizeHttpServer(options);
    }
}
