package io.streamgate.gateway.dialect.spatialflow;

import io.streamgate.gateway.dialect.Conversation;
import io.streamgate.gateway.dialect.Endpoint;
import io.streamgate.gateway.engine.Refusal;
import io.streamgate.gateway.transport.SseFrames;
import io.streamgate.gateway.workflows.WebhookStatusFeed;

/**
 * {@code /ws/webhooks/status/}: every webhook delivery attempt of the caller's tenant, for superusers only
 * ({@code is_superuser}); anyone else is closed at once with 4003, as SpatialFlow documents.
 */
final class WebhookStatusChannel {

    static final String GAP = "{\"type\":\"gap\",\"message\":\"Some delivery updates since your Last-Event-ID are no "
            + "longer available\"}";

    private final WebhookStatusFeed statuses;

    WebhookStatusChannel(WebhookStatusFeed statuses) {
        this.statuses = statuses;
    }

    Endpoint endpoint(String path, boolean sse) {
        io.streamgate.gateway.dialect.Channel channel = (session, handshake) -> {
            if (!session.identity().superuser()) {
                session.close(Refusal.FORBIDDEN, "Superuser access required");
                return Conversation.closing(() -> {
                });
            }
            statuses.subscribe(session, session.identity().tenant(),
                    sse ? SpatialFlowEventCodec.WEBHOOK_STATUSES_SSE : SpatialFlowEventCodec.WEBHOOK_STATUSES,
                    handshake.lastEventId(), () -> session.send(sse ? SseFrames.event(null, "gap", GAP) : GAP));
            return new Listening(() -> statuses.unsubscribe(session));
        };
        return sse ? Endpoint.sse(path, false, channel) : Endpoint.webSocket(path, false, channel);
    }
}
