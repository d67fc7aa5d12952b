package io.streamgate.gateway.dialect.geonicdb;

import java.io.IOException;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.mutiny.Uni;
import io.streamgate.gateway.dialect.Conversation;
import io.streamgate.gateway.dialect.Handshake;
import io.streamgate.gateway.engine.Refusal;
import io.streamgate.gateway.engine.Session;
import io.streamgate.gateway.engine.events.EventFilter;
import io.streamgate.gateway.entities.EntityChangeFeed;
import io.streamgate.platform.identity.Identity;
import io.streamgate.platform.json.Json;

/**
 * GeonicDB's event stream of one tenant ({@code ?tenant=}, required), over the entity change feed:
 * the WebSocket at {@code /} with its {@code subscribe} and {@code ping} actions, and the SSE fallback
 * whose filter is in its query. Who may open which tenant is decided here, where the tenant is known:
 * with auth enabled a token is required, and only a {@code super_admin} crosses tenants.
 */
@ApplicationScoped
class GeonicDbChannel {

    static final String TENANT = "tenant";

    private final EntityChangeFeed feed;
    private final EntityFilters filters;
    private final GeonicDbConfig config;

    GeonicDbChannel(EntityChangeFeed feed, EntityFilters filters, GeonicDbConfig config) {
        this.feed = feed;
        this.filters = filters;
        this.config = config;
    }

    /** The WebSocket: every change of the tenant until the first {@code subscribe} narrows it. */
    Conversation openWebSocket(Session session, Handshake handshake) {
        String tenant = admittedTenant(session, handshake);
        if (tenant == null) {
            return Conversation.closing(() -> {
            });
        }
        feed.subscribe(session, tenant, GeonicDbEventCodec.WEBSOCKET, EventFilter.ALL, null, null, null);
        return new Conversation() {
            @Override
            public Uni<String> text(String message) {
                return answer(session, message);
            }

            @Override
            public void closed() {
                feed.unsubscribe(session);
            }
        };
    }

    /**
     * The SSE fallback: the filter from {@code entityTypes} and {@code idPattern}, resumed exactly after
     * {@code Last-Event-ID} (or {@code ?last_event_id=}).
     */
    Conversation openSse(Session session, Handshake handshake) {
        String tenant = admittedTenant(session, handshake);
        if (tenant == null) {
            return Conversation.closing(() -> {
            });
        }
        EventFilter filter;
        try {
            filter = filters.fromQuery(handshake.queryAll("entityTypes"), handshake.query("idPattern"));
        } catch (FilterRefused refused) {
            session.close(Refusal.FORBIDDEN, refused.getMessage());
            return Conversation.closing(() -> {
            });
        }
        feed.subscribe(session, tenant, GeonicDbEventCodec.SSE, filter, handshake.lastEventId(),
                () -> session.send("event: gap\ndata: " + GeonicDbMessages.error(
                        "Some changes since Last-Event-ID are no longer available; reload the entities") + "\n\n"),
                null);
        return Conversation.closing(() -> feed.unsubscribe(session));
    }

    /** The tenant the session may stream, or null after closing it with the reason. */
    private String admittedTenant(Session session, Handshake handshake) {
        String tenant = handshake.query(TENANT);
        if (tenant == null || tenant.isBlank()) {
            session.close(Refusal.FORBIDDEN, "Missing required query parameter: tenant");
            return null;
        }
        Identity identity = session.identity();
        if (identity.isAnonymous()) {
            if (config.auth().enabled()) {
                session.close(Refusal.UNAUTHORIZED, "Authentication required");
                return null;
            }
            return tenant;
        }
        if (!identity.mayAccessTenant(tenant)) {
            session.close(Refusal.FORBIDDEN, "Token is not valid for this tenant");
            return null;
        }
        return tenant;
    }

    private Uni<String> answer(Session session, String text) {
        JsonNode message;
        try {
            message = Json.mapper().readTree(text);
        } catch (IOException e) {
            return reply(GeonicDbMessages.error(GeonicDbMessages.INVALID_JSON));
        }
        if (message == null || !message.isObject()) {
            return reply(GeonicDbMessages.error(GeonicDbMessages.INVALID_JSON));
        }
        String action = message.path("action").asText("");
        switch (action) {
            case "ping":
                return reply(GeonicDbMessages.PONG);
            case "subscribe":
                EventFilter filter;
                try {
                    filter = filters.fromSubscribe(message);
                } catch (FilterRefused refused) {
                    // The previous filter stays in force: a typo does not flood the client with everything.
                    return reply(GeonicDbMessages.error(refused.getMessage()));
                }
                // No reply (GeonicDB sends none); the next message is read once the filter is in force.
                return Uni.createFrom().completionStage(feed.refilter(session, filter)).replaceWith((String) null);
            default:
                return reply(GeonicDbMessages.error("Unknown action: " + (action.isEmpty() ? "(none)"
                        : abbreviate(action)) + "; GeonicDB understands subscribe and ping"));
        }
    }

    private static String abbreviate(String action) {
        return action.length() <= 40 ? action : action.substring(0, 40) + "…";
    }

    private static Uni<String> reply(String frame) {
        return Uni.createFrom().item(frame);
    }
}
