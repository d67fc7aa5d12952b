package io.streamgate.platform.problem;

import java.util.OptionalLong;

import org.jboss.logging.Logger;

import io.streamgate.platform.json.Json;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Makes the refusals Vert.x and Quarkus answer on their own — before any resource runs — problem documents
 * too: no route (404), a route without the method (405), an unhandled failure, and a body over
 * {@code quarkus.http.limits.max-body-size} (413). Each service installs it on its router at start.
 */
public final class RefusalRoutes {

    /**
     * Just before Quarkus' own body-size check (order -2), which ends the response with an empty body: the
     * same limit, answered with a reason instead.
     */
    static final int BODY_LIMIT_ORDER = -3;

    private static final Logger LOG = Logger.getLogger(RefusalRoutes.class);

    private RefusalRoutes() {
    }

    /** @param maxBodyBytes the value of {@code quarkus.http.limits.max-body-size}, when set */
    public static void install(Router router, OptionalLong maxBodyBytes) {
        maxBodyBytes.ifPresent(limit -> router.route().order(BODY_LIMIT_ORDER).handler(ctx -> refuseOversized(ctx, limit)));
        router.route().order(BODY_LIMIT_ORDER).failureHandler(RefusalRoutes::failed);
        for (int status : new int[] {400, 404, 405, 406, 413, 414, 415, 500, 503}) {
            router.errorHandler(status, ctx -> answer(ctx, status, null));
        }
    }

    private static void refuseOversized(RoutingContext ctx, long limit) {
        String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        long declared = parse(length);
        if (declared <= limit) {
            ctx.next();
            return;
        }
        // Quarkus closes the connection after its 413 too: the unread body is not worth draining.
        ctx.response().putHeader(HttpHeaders.CONNECTION, "close")
                .endHandler(ended -> ctx.request().connection().close());
        answer(ctx, 413, "the body is " + declared + " bytes; this service accepts at most " + limit
                + " bytes (quarkus.http.limits.max-body-size)");
    }

    private static long parse(String length) {
        if (length == null) {
            return -1;
        }
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void failed(RoutingContext ctx) {
        if (ctx.response().headWritten()) {
            // A stream already started (SSE, an upgrade): there is no status left to change.
            ctx.next();
            return;
        }
        int status = ctx.statusCode() > 0 ? ctx.statusCode() : 500;
        if (status >= 500 && ctx.failure() != null) {
            LOG.errorf(ctx.failure(), "%s %s failed", ctx.request().method(), ctx.request().path());
        }
        answer(ctx, status, null);
    }

    private static void answer(RoutingContext ctx, int status, String detail) {
        HttpServerResponse response = ctx.response();
        if (response.ended() || response.headWritten()) {
            return;
        }
        String reason = detail != null ? detail
                : HttpRefusal.defaultDetail(status, ctx.request().method().name(), ctx.request().path());
        response.setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, ProblemDetail.MEDIA_TYPE)
                .end(Buffer.buffer(Json.encode(HttpRefusal.of(status, reason))));
    }
}
