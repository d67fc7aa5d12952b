package io.streamgate.gateway.dialect.geonicdb;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.ext.web.Router;

/**
 * Stands in for the web dashboard that answers a plain {@code GET /} (issue 15: the WebSocket at the root
 * must leave it free). Registered last, so it sees only what the WebSocket transport passes on.
 */
@ApplicationScoped
class DashboardRoute {

    static final String PAGE = "<!DOCTYPE html><title>dashboard</title>";

    void routes(@Observes Router router) {
        router.get("/").last().handler(context -> context.response().putHeader("Content-Type", "text/html")
                .end(PAGE));
    }
}
