package io.streamgate.safety.workflows;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
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
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.streamgate.platform.json.Json;
import io.streamgate.platform.workflows.WorkflowEvent;
import io.streamgate.platform.workflows.WorkflowExecution;
import io.streamgate.safety.alerts.Unavailable;
import io.streamgate.safety.sensors.Outbound;
import io.streamgate.safety.sensors.OutboundWriter;
import io.streamgate.service.identity.Caller;
import io.streamgate.service.problem.MalformedJsonException;
import io.streamgate.service.problem.ProblemMappers;

/**
 * The caller's tenant's workflows. Every operation is scoped to {@code caller.tenant()}: another tenant's
 * workflow answers 404, as if it did not exist. Each change is written to Redis and then as a
 * {@code workflow.*} record to {@code workflows.events}; the create answer is the only place the signing secret
 * is ever shown.
 */
@Path("/v1/workflows")
@Tag(name = "Workflows", description = "Definitions, executions and webhook deliveries: docs/workflows.md")
@Produces(MediaType.APPLICATION_JSON)
public class WorkflowsResource {

    private static final Logger LOG = Logger.getLogger(WorkflowsResource.class);

    private final WorkflowStore store;
    private final ExecutionQueue executions;
    private final OutboundWriter writer;
    private final WorkflowsConfig config;
    private final Caller caller;
    private final WorkflowRequestParser parser;

    WorkflowsResource(WorkflowStore store, ExecutionQueue executions, OutboundWriter writer, WorkflowsConfig config,
            Caller caller) {
        this.store = store;
        this.executions = executions;
        this.writer = writer;
        this.config = config;
        this.caller = caller;
        this.parser = new WorkflowRequestParser(config);
    }

    @Operation(summary = "List the tenant's workflows")
    @GET
    public Map<String, Object> list() {
        List<WorkflowDefinition> workflows = store.list(caller.tenant());
        return Map.of("workflows", workflows, "count", workflows.size());
    }

    /** 201 with the workflow and, this once, its {@code secret}. */
    @Operation(summary = "Create a workflow; the answer carries its webhook signing secret, shown only this once")
    @POST
    @Consumes(MediaType.WILDCARD)
    public Response create(byte[] body) {
        WorkflowRequestParser.Draft draft = parser.parse(json(body));
        String tenant = caller.tenant();
        Instant now = Instant.now();
        WorkflowDefinition workflow = new WorkflowDefinition(UUID.randomUUID().toString(), draft.name(),
                draft.enabled(), draft.trigger(), draft.steps(), now, now);
        String secret = WebhookSignature.newSecret();
        if (!store.create(tenant, workflow, secret, config.maxPerTenant())) {
            return ProblemMappers.problem(409, "workflow-limit", "Too many workflows",
                    "tenant '" + tenant + "' has " + config.maxPerTenant() + " workflows, the most allowed "
                            + "(streamgate.safety.workflows.max-per-tenant); delete one first", List.of()).build();
        }
        announce(tenant, workflow, WorkflowEvent.WORKFLOW_CREATED);
        LOG.infof("workflow %s created in tenant %s by %s", workflow.id(), tenant, caller.identity().subject());
        ObjectNode answer = Json.mapper().valueToTree(workflow);
        answer.put("secret", secret);
        return Response.created(URI.create("/v1/workflows/" + workflow.id())).entity(answer).build();
    }

    @Operation(summary = "One workflow of the tenant (404 for another tenant's)")
    @GET
    @Path("{id}")
    public Response get(@PathParam("id") String id) {
        return store.get(caller.tenant(), id).map(w -> Response.ok(w).build()).orElseGet(() -> notFound(id));
    }

    /** Replaces name, enabled, trigger and steps; id, secret and created_at stay. */
    @Operation(summary = "Replace a workflow's definition (name, trigger, steps, enabled)")
    @PUT
    @Path("{id}")
    @Consumes(MediaType.WILDCARD)
    public Response replace(@PathParam("id") String id, byte[] body) {
        WorkflowRequestParser.Draft draft = parser.parse(json(body));
        String tenant = caller.tenant();
        WorkflowDefinition old = store.get(tenant, id).orElse(null);
        if (old == null) {
            return notFound(id);
        }
        WorkflowDefinition workflow = new WorkflowDefinition(id, draft.name(), draft.enabled(), draft.trigger(),
                draft.steps(), old.createdAt(), Instant.now());
        store.replace(tenant, workflow);
        List<String> changes = new ArrayList<>();
        boolean onlyEnabled = old.name().equals(workflow.name()) && old.trigger().equals(workflow.trigger())
                && old.steps().equals(workflow.steps());
        if (!onlyEnabled || old.enabled() == workflow.enabled()) {
            changes.add(WorkflowEvent.WORKFLOW_UPDATED);
        }
        if (old.enabled() != workflow.enabled()) {
            changes.add(workflow.enabled() ? WorkflowEvent.WORKFLOW_ENABLED : WorkflowEvent.WORKFLOW_DISABLED);
        }
        announce(tenant, workflow, changes.toArray(String[]::new));
        LOG.infof("workflow %s of tenant %s replaced by %s", id, tenant, caller.identity().subject());
        return Response.ok(workflow).build();
    }

    /** {@code {"enabled": false}} disables the workflow (no new executions; running ones go on), true enables it. */
    @Operation(summary = "Enable or disable a workflow: {\"enabled\": false}")
    @PATCH
    @Path("{id}")
    @Consumes(MediaType.WILDCARD)
    public Response patch(@PathParam("id") String id, byte[] body) {
        boolean enabled = parser.parseEnabled(json(body));
        String tenant = caller.tenant();
        WorkflowDefinition old = store.get(tenant, id).orElse(null);
        if (old == null) {
            return notFound(id);
        }
        if (old.enabled() == enabled) {
            return Response.ok(old).build();
        }
        WorkflowDefinition workflow = old.withEnabled(enabled, Instant.now());
        store.replace(tenant, workflow);
        announce(tenant, workflow, enabled ? WorkflowEvent.WORKFLOW_ENABLED : WorkflowEvent.WORKFLOW_DISABLED);
        LOG.infof("workflow %s of tenant %s %s by %s", id, tenant, enabled ? "enabled" : "disabled",
                caller.identity().subject());
        return Response.ok(workflow).build();
    }

    @Operation(summary = "Delete a workflow and its secret")
    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        String tenant = caller.tenant();
        WorkflowDefinition old = store.get(tenant, id).orElse(null);
        var stats = store.stats(tenant, id);
        if (old == null || !store.delete(tenant, id)) {
            return notFound(id);
        }
        Outbound deleted = WorkflowRecords.workflowEvent(tenant, new WorkflowEvent(WorkflowRecords.randomId(),
                WorkflowEvent.WORKFLOW_DELETED, id, old.name(), false, null, null, null, "deleted", null, null, null,
                stats, Instant.now()));
        Unavailable.await("kafka", writer.send(List.of(deleted)), config.timeout());
        LOG.infof("workflow %s of tenant %s deleted by %s", id, tenant, caller.identity().subject());
        return Response.noContent().build();
    }

    /** Where one execution of the workflow stands (the document the gateway's execution channel starts with). */
    @Operation(summary = "Where one execution of the workflow stands, step by step")
    @GET
    @Path("{id}/executions/{execution}")
    public Response execution(@PathParam("id") String id, @PathParam("execution") String executionId) {
        WorkflowExecution execution = executions.execution(caller.tenant(), executionId);
        if (execution == null || !execution.workflowId().equals(id)) {
            return ProblemMappers.problem(404, "not-found", "No such execution",
                    "workflow " + id + " of your tenant has no execution " + executionId, List.of()).build();
        }
        return Response.ok(execution).build();
    }

    private void announce(String tenant, WorkflowDefinition workflow, String... types) {
        var stats = store.stats(tenant, workflow.id());
        List<Outbound> records = new ArrayList<>();
        Instant now = Instant.now();
        for (String type : types) {
            records.add(WorkflowRecords.workflowEvent(tenant, new WorkflowEvent(WorkflowRecords.randomId(), type,
                    workflow.id(), workflow.name(), workflow.enabled(), null, null, null,
                    workflow.enabled() ? "enabled" : "disabled", null, null, null, stats, now)));
        }
        Unavailable.await("kafka", writer.send(records), config.timeout());
    }

    private static Response notFound(String id) {
        return ProblemMappers.problem(404, "not-found", "No such workflow", "no workflow " + id + " in your tenant",
                List.of()).build();
    }

    private static JsonNode json(byte[] body) {
        if (body == null || body.length == 0) {
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
