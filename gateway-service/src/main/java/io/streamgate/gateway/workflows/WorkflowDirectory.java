package io.streamgate.gateway.workflows;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.JsonNode;

import io.streamgate.platform.json.Json;
import io.streamgate.platform.workflows.WorkflowExecution;
import io.streamgate.platform.workflows.WorkflowKeys;
import io.streamgate.platform.workflows.WorkflowStats;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

/**
 * The workflows and executions their runner (safety-service) keeps in Redis, as a client joining their channels
 * needs them: whether the one it names is its tenant's, and where it stands now. Looked up under the caller's
 * tenant only, so another tenant's workflow is simply not found.
 */
@Singleton
public class WorkflowDirectory {

    /** A workflow's definition as its REST API returns it, and its execution counts. */
    public record Workflow(JsonNode definition, WorkflowStats stats) {
    }

    private final Redis redis;

    WorkflowDirectory(Redis redis) {
        this.redis = redis;
    }

    public CompletionStage<Optional<Workflow>> workflow(String tenant, String workflowId) {
        return redis.batch(List.of(
                Request.cmd(Command.HGET).arg(WorkflowKeys.workflows(tenant)).arg(workflowId),
                Request.cmd(Command.HMGET).arg(WorkflowKeys.stats(tenant, workflowId)).arg("started").arg("completed")
                        .arg("failed")))
                .map(replies -> {
                    JsonNode definition = json(replies.get(0));
                    if (definition == null || !definition.isObject()) {
                        return Optional.<Workflow>empty();
                    }
                    Response counts = replies.get(1);
                    return Optional.of(new Workflow(definition,
                            WorkflowStats.of(count(counts, 0), count(counts, 1), count(counts, 2))));
                }).toCompletionStage();
    }

    /** The execution, if the tenant has one of that id and it belongs to {@code workflowId}. */
    public CompletionStage<Optional<WorkflowExecution>> execution(String tenant, String workflowId,
            String executionId) {
        return redis.send(Request.cmd(Command.HGET).arg(WorkflowKeys.executions(tenant)).arg(executionId))
                .map(reply -> {
                    if (reply == null) {
                        return Optional.<WorkflowExecution>empty();
                    }
                    try {
                        WorkflowExecution execution = Json.decode(reply.toString().getBytes(StandardCharsets.UTF_8),
                                WorkflowExecution.class);
                        return Optional.of(execution).filter(found -> workflowId.equals(found.workflowId()));
                    } catch (UncheckedIOException | IllegalArgumentException notOurs) {
                        return Optional.<WorkflowExecution>empty();
                    }
                }).toCompletionStage();
    }

    private static JsonNode json(Response reply) {
        if (reply == null) {
            return null;
        }
        try {
            return Json.mapper().readTree(reply.toString());
        } catch (java.io.IOException notJson) {
            return null;
        }
    }

    private static long count(Response counts, int i) {
        if (counts == null || i >= counts.size() || counts.get(i) == null) {
            return 0;
        }
        try {
            return Long.parseLong(counts.get(i).toString());
        } catch (NumberFormatException notACount) {
            return 0;
        }
    }
}
