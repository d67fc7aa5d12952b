package io.streamgate.gateway.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;

/**
 * Serves the dashboard's page at {@code GET /} (its scripts and styles are static resources under
 * {@code /dashboard/}, the client library under {@code /streamgate-client/}). Registered last: the
 * WebSocket at the root is GeonicDB's, whose route passes plain GETs on to this one.
 */
@ApplicationScoped
public class DashboardPage {

    static final String TEMPLATE = "dashboard/index.html";

    private final Buffer page;

    DashboardPage(DashboardConfig config) {
        this.page = Buffer.buffer(render(template(), config.tileUrl().orElse("")));
    }

    void routes(@Observes Router router) {
        router.get("/").last().handler(context -> context.response()
                .putHeader("Content-Type", "text/html; charset=utf-8")
                .putHeader("Cache-Control", "no-cache")
                .end(page));
    }

    static String render(String template, String tileUrl) {
        return template.replace("${tileUrl}", htmlAttribute(tileUrl));
    }

    private static String htmlAttribute(String value) {
        return value.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String template() {
        try (InputStream in = DashboardPage.class.getClassLoader().getResourceAsStream(TEMPLATE)) {
            if (in == null) {
                throw new IllegalStateException(TEMPLATE + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
