package io.streamgate.gateway.dialect.skyspy;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.mutiny.Uni;
import io.streamgate.platform.alerts.AlertAcknowledgement;
import io.streamgate.platform.alerts.AlertAcknowledger;
import io.streamgate.platform.alerts.AlertHistoryItem;
import io.streamgate.platform.alerts.AlertRule;
import io.streamgate.platform.alerts.RedisAlertStore;
import io.streamgate.platform.identity.Identity;
import io.streamgate.platform.json.Json;

/**
 * SkySpy's alert requests, answered from the rules and history safety-service keeps in Redis:
 * {@code alerts} ({@code hours}, default 24; {@code limit}, default 50, at most 1000), {@code alert-rules}
 * (the tenant's enabled rules), {@code my-subscriptions} (the rules the caller created),
 * {@code acknowledge-alert} ({@code id}) and {@code acknowledge-all-alerts}. An acknowledgement is
 * stored and announced on {@code alerts.triggered} exactly as safety-service's REST API does it; an
 * anonymous caller (public mode) may read but not acknowledge.
 */
@ApplicationScoped
public class SkySpyAlertRequests {

    static final String PERMISSION_DENIED = "Permission denied";
    static final String NOT_FOUND = "Alert not found";
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 1000;

    private final RedisAlertStore store;
    private final AlertAcknowledger acknowledger;

    SkySpyAlertRequests(RedisAlertStore store, AlertAcknowledger acknowledger) {
        this.store = store;
        this.acknowledger = acknowledger;
    }

    Uni<String> answer(Identity caller, String type, String requestId, JsonNode params) {
        String tenant = caller.tenant();
        return switch (type) {
            case "alerts" -> {
                double hours = params.path("hours").asDouble(24);
                int limit = Math.max(1, Math.min(MAX_LIMIT, params.path("limit").asInt(DEFAULT_LIMIT)));
                Instant since = LookBack.since(Instant.now(), hours);
                yield Uni.createFrom().completionStage(store.history(tenant, since, limit))
                        .map(items -> response(requestId, type, history(items)));
            }
            case "alert-rules" -> Uni.createFrom().completionStage(store.listRules(tenant))
                    .map(rules -> response(requestId, type, rules.stream().filter(AlertRule::enabled).toList()));
            case "my-subscriptions" -> Uni.createFrom().completionStage(store.listRules(tenant))
                    .map(rules -> response(requestId, type, rules.stream()
                            .filter(rule -> caller.subject() != null && caller.subject().equals(rule.owner()))
                            .toList()));
            case "acknowledge-alert" -> {
                if (!params.hasNonNull("id")) {
                    throw new SkySpyAircraftRequests.MissingParameter("id");
                }
                if (caller.isAnonymous()) {
                    yield Uni.createFrom().item(SkySpyClientMessages.error(PERMISSION_DENIED, requestId));
                }
                yield Uni.createFrom().completionStage(acknowledger.acknowledge(tenant, params.get("id").asLong(),
                        by(caller))).map(done -> done.isEmpty() ? SkySpyClientMessages.error(NOT_FOUND, requestId)
                                : response(requestId, type, done.get()));
            }
            case "acknowledge-all-alerts" -> caller.isAnonymous()
                    ? Uni.createFrom().item(SkySpyClientMessages.error(PERMISSION_DENIED, requestId))
                    : Uni.createFrom().completionStage(acknowledger.acknowledgeAll(tenant, by(caller)))
                            .map(done -> response(requestId, type, done));
            default -> Uni.createFrom().item(SkySpyClientMessages.error(SkySpyClientMessages.UNKNOWN_REQUEST_TYPE,
                    requestId));
        };
    }

    private static AlertAcknowledgement by(Identity caller) {
        return new AlertAcknowledgement(caller.subject(), Instant.now());
    }

    private static ArrayNode history(List<AlertHistoryItem> items) {
        ArrayNode list = Json.mapper().createArrayNode();
        for (AlertHistoryItem item : items) {
            ObjectNode alert = Json.mapper().valueToTree(item.alert());
            alert.put("acknowledged", item.acknowledgement() != null);
            if (item.acknowledgement() != null) {
                alert.put("acknowledged_by", item.acknowledgement().acknowledgedBy());
                alert.put("acknowledged_at", item.acknowledgement().acknowledgedAt().toString());
            }
            list.add(alert);
        }
        return list;
    }

    private static String response(String requestId, String type, Object data) {
        String json = new String(Json.encode(data), java.nio.charset.StandardCharsets.UTF_8);
        return SkySpyAircraftRequests.response(requestId, type, generator -> generator.writeRawValue(json));
    }
}
