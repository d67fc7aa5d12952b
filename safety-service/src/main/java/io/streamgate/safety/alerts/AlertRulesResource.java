package io.streamgate.safety.alerts;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import io.streamgate.platform.alerts.AlertRule;
import io.streamgate.platform.alerts.RedisAlertStore;
import io.streamgate.platform.json.Json;
import io.streamgate.service.identity.Caller;
import io.streamgate.service.problem.MalformedJsonException;
import io.streamgate.service.problem.ProblemMappers;

/**
 * A tenant's alert rules. Every caller of the tenant sees and may change all of its rules; {@code owner}
 * records who created one. Changes reach the evaluator within
 * {@code streamgate.safety.alerts.rules.refresh-interval}, on every replica, without a restart.
 */
@Path("/v1/alerts/rules")
@Produces(MediaType.APPLICATION_JSON)
public class AlertRulesResource {

    private static final Logger LOG = Logger.getLogger(AlertRulesResource.class);

    private final RedisAlertStore store;
    private final Caller caller;
    private final AlertsConfig config;
    private final RuleRequestParser parser;

    AlertRulesResource(RedisAlertStore store, Caller caller, AlertsConfig config) {
        this.store = store;
        this.caller = caller;
        this.config = config;
        this.parser = new RuleRequestParser(config.rules());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(String body) {
        RuleDraft draft = parser.parse(json(body));
        String tenant = caller.tenant();
        int count = Unavailable.await("redis", store.countRules(tenant), config.timeout());
        if (count >= config.rules().maxPerTenant()) {
            return ProblemMappers.problem(409, "rule-limit", "Too many alert rules",
                    "tenant '" + tenant + "' has " + count + " rules, the most allowed "
                            + "(streamgate.safety.alerts.rules.max-per-tenant); delete one first",
                    List.of()).build();
        }
        Instant now = Instant.now();
        AlertRule rule = new AlertRule(UUID.randomUUID().toString(), draft.name(), draft.enabled(), draft.priority(),
                draft.cooldown(), caller.identity().subject(), draft.conditions(), now, now);
        Unavailable.await("redis", store.saveRule(tenant, rule), config.timeout());
        LOG.infof("alert rule %s created in tenant %s by %s", rule.id(), tenant, rule.owner());
        return Response.created(URI.create("/v1/alerts/rules/" + rule.id())).entity(rule).build();
    }

    @GET
    public List<AlertRule> list() {
        return Unavailable.await("redis", store.listRules(caller.tenant()), config.timeout());
    }

    @GET
    @Path("/{id}")
    public Response get(@PathParam("id") String id) {
        return find(id).map(rule -> Response.ok(rule).build()).orElseGet(() -> notFound(id));
    }

    /** Replaces the rule's name, enabled flag, priority, cooldown and conditions; id, owner and created_at stay. */
    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response replace(@PathParam("id") String id, String body) {
        RuleDraft draft = parser.parse(json(body));
        Optional<AlertRule> existing = find(id);
        if (existing.isEmpty()) {
            return notFound(id);
        }
        AlertRule old = existing.get();
        AlertRule rule = new AlertRule(old.id(), draft.name(), draft.enabled(), draft.priority(), draft.cooldown(),
                old.owner(), draft.conditions(), old.createdAt(), Instant.now());
        Unavailable.await("redis", store.saveRule(caller.tenant(), rule), config.timeout());
        LOG.infof("alert rule %s of tenant %s replaced by %s", id, caller.tenant(), caller.identity().subject());
        return Response.ok(rule).build();
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") String id) {
        boolean deleted = Unavailable.await("redis", store.deleteRule(caller.tenant(), id), config.timeout());
        if (!deleted) {
            return notFound(id);
        }
        LOG.infof("alert rule %s of tenant %s deleted by %s", id, caller.tenant(), caller.identity().subject());
        return Response.noContent().build();
    }

    private Optional<AlertRule> find(String id) {
        return Unavailable.await("redis", store.findRule(caller.tenant(), id), config.timeout());
    }

    private Response notFound(String id) {
        return ProblemMappers.problem(404, "not-found", "No such alert rule",
                "tenant '" + caller.tenant() + "' has no alert rule " + id, List.of()).build();
    }

    private static JsonNode json(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return Json.mapper().readTree(body);
        } catch (JsonProcessingException e) {
            throw new MalformedJsonException(e.getOriginalMessage());
        } catch (IOException e) {
            throw new MalformedJsonException(e.getMessage());
        }
    }
}
