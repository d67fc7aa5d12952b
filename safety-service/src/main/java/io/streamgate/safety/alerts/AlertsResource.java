package io.streamgate.safety.alerts;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.streamgate.platform.alerts.AlertAcknowledged;
import io.streamgate.platform.alerts.AlertAcknowledger;
import io.streamgate.platform.alerts.AlertAcknowledgement;
import io.streamgate.platform.alerts.AlertHistoryItem;
import io.streamgate.platform.alerts.AlertTriggered;
import io.streamgate.platform.alerts.RedisAlertStore;
import io.streamgate.platform.json.Json;
import io.streamgate.service.identity.Caller;
import io.streamgate.platform.problem.FieldProblem;
import io.streamgate.service.problem.InvalidRequestException;
import io.streamgate.service.problem.ProblemMappers;

/**
 * A tenant's alert history and its acknowledgement. An acknowledgement is stored in Redis and announced as
 * {@code alert.acknowledged} on {@code alerts.triggered}; the call answers once the broker has it.
 */
@Path("/v1/alerts")
@Produces(MediaType.APPLICATION_JSON)
public class AlertsResource {

    private static final Logger LOG = Logger.getLogger(AlertsResource.class);

    private final RedisAlertStore store;
    private final AlertAcknowledger acknowledger;
    private final Caller caller;
    private final AlertsConfig config;
    private final AlertMetrics metrics;

    AlertsResource(RedisAlertStore store, AlertWriter writer, Caller caller, AlertsConfig config,
            AlertMetrics metrics) {
        this.store = store;
        this.acknowledger = new AlertAcknowledger(store, writer::acknowledged);
        this.caller = caller;
        this.config = config;
        this.metrics = metrics;
    }

    /**
     * Alerts of the last {@code hours}, newest first, at most {@code limit}; each with {@code acknowledged}
     * (and {@code acknowledged_by}, {@code acknowledged_at} once acknowledged).
     */
    @GET
    public List<ObjectNode> history(@QueryParam("hours") String hours, @QueryParam("limit") String limit) {
        AlertsConfig.History history = config.history();
        long maxHours = Math.max(1, history.maxAge().toHours());
        List<FieldProblem> problems = new ArrayList<>();
        Integer h = whole(hours, history.defaultHours(), 1, maxHours, "/hours", problems);
        Integer l = whole(limit, history.defaultLimit(), 1, history.maxLimit(), "/limit", problems);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException("bad history query", problems);
        }
        Instant since = Instant.now().minus(Duration.ofHours(h));
        List<AlertHistoryItem> items = Unavailable.await("redis", store.history(caller.tenant(), since, l),
                config.timeout());
        List<ObjectNode> body = new ArrayList<>(items.size());
        for (AlertHistoryItem item : items) {
            ObjectNode node = Json.mapper().valueToTree(item.alert());
            node.put("acknowledged", item.acknowledged());
            if (item.acknowledged()) {
                node.put("acknowledged_by", item.acknowledgement().acknowledgedBy());
                node.put("acknowledged_at", item.acknowledgement().acknowledgedAt().toString());
            }
            body.add(node);
        }
        return body;
    }

    /** 200 with the ids this call acknowledged (none when it was acknowledged before); 404 for an unknown id. */
    @POST
    @Path("/{id}/acknowledge")
    public Response acknowledge(@PathParam("id") String id) {
        long alertId;
        try {
            alertId = Long.parseLong(id);
        } catch (NumberFormatException e) {
            return notFound(id);
        }
        String tenant = caller.tenant();
        AlertAcknowledgement by = new AlertAcknowledgement(caller.identity().subject(), Instant.now());
        Optional<AlertAcknowledged> result = Unavailable.await("redis and kafka",
                acknowledger.acknowledge(tenant, alertId, by), acknowledgeTimeout());
        if (result.isEmpty()) {
            return notFound(id);
        }
        return Response.ok(announced(tenant, result.get())).build();
    }

    /** 200 with the ids this call acknowledged: every alert of the history not acknowledged before. */
    @POST
    @Path("/acknowledge-all")
    public Response acknowledgeAll() {
        String tenant = caller.tenant();
        AlertAcknowledgement by = new AlertAcknowledgement(caller.identity().subject(), Instant.now());
        return Response.ok(announced(tenant, Unavailable.await("redis and kafka",
                acknowledger.acknowledgeAll(tenant, by), acknowledgeTimeout()))).build();
    }

    private AlertAcknowledged announced(String tenant, AlertAcknowledged acknowledged) {
        if (!acknowledged.alertIds().isEmpty()) {
            metrics.acknowledged(acknowledged.alertIds().size());
            LOG.infof("%d alert(s) of tenant %s acknowledged by %s", acknowledged.alertIds().size(), tenant,
                    acknowledged.acknowledgedBy());
        }
        return acknowledged;
    }

    /** Redis, then the broker's acknowledgement of the announcement. */
    private java.time.Duration acknowledgeTimeout() {
        return config.producer().deliveryTimeout().plus(config.timeout()).plus(config.timeout());
    }

    private Response notFound(String id) {
        return ProblemMappers.problem(404, "not-found", "No such alert",
                "tenant '" + caller.tenant() + "' has no alert " + id, List.of()).build();
    }

    private static Integer whole(String value, int fallback, long lowest, long highest, String pointer,
            List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            long parsed = Long.parseLong(value.strip());
            if (parsed >= lowest && parsed <= highest) {
                return (int) parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(new FieldProblem(pointer, "must be a whole number from " + lowest + " to " + highest));
        return null;
    }
}
