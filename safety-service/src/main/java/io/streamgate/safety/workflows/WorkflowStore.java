package io.streamgate.safety.workflows;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.hash.HashCommands;
import io.streamgate.platform.json.Json;
import io.streamgate.platform.workflows.WorkflowKeys;
import io.streamgate.platform.workflows.WorkflowStats;

/**
 * Workflow definitions, their signing secrets and their execution counters, in the {@link WorkflowKeys} layout
 * the gateway reads. Creating and deleting are Lua scripts so the definition and its secret never exist one
 * without the other, and the per-tenant limit holds under concurrent creates.
 */
@ApplicationScoped
public class WorkflowStore {

    static final String STARTED = "started";
    static final String COMPLETED = "completed";
    static final String FAILED = "failed";

    private static final String CREATE = """
            if redis.call('HLEN', KEYS[1]) >= tonumber(ARGV[4]) then return 0 end
            redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
            redis.call('HSET', KEYS[2], ARGV[1], ARGV[3])
            return 1""";
    private static final String DELETE = """
            local gone = redis.call('HDEL', KEYS[1], ARGV[1])
            redis.call('HDEL', KEYS[2], ARGV[1])
            redis.call('DEL', KEYS[3])
            return gone""";

    private final RedisDataSource redis;
    private final HashCommands<String, String, String> hashes;

    WorkflowStore(RedisDataSource redis) {
        this.redis = redis;
        this.hashes = redis.hash(String.class);
    }

    /** The tenant's workflows, oldest first. */
    public List<WorkflowDefinition> list(String tenant) {
        Map<String, String> all = hashes.hgetall(WorkflowKeys.workflows(tenant));
        List<WorkflowDefinition> workflows = new ArrayList<>(all.size());
        all.values().forEach(json -> workflows.add(decode(json)));
        workflows.sort(Comparator.comparing(WorkflowDefinition::createdAt,
                Comparator.nullsFirst(Comparator.naturalOrder())).thenComparing(WorkflowDefinition::id));
        return workflows;
    }

    public Optional<WorkflowDefinition> get(String tenant, String id) {
        return Optional.ofNullable(hashes.hget(WorkflowKeys.workflows(tenant), id)).map(WorkflowStore::decode);
    }

    public boolean exists(String tenant, String id) {
        return hashes.hexists(WorkflowKeys.workflows(tenant), id);
    }

    /** @return false when the tenant already has {@code maxPerTenant} workflows; nothing was written then */
    public boolean create(String tenant, WorkflowDefinition workflow, String secret, int maxPerTenant) {
        return redis.execute("EVAL", CREATE, "2", WorkflowKeys.workflows(tenant), WorkflowKeys.secrets(tenant),
                workflow.id(), encode(workflow), secret, String.valueOf(maxPerTenant)).toInteger() == 1;
    }

    public void replace(String tenant, WorkflowDefinition workflow) {
        hashes.hset(WorkflowKeys.workflows(tenant), workflow.id(), encode(workflow));
    }

    /** Removes the definition, its secret and its counters. */
    public boolean delete(String tenant, String id) {
        return redis.execute("EVAL", DELETE, "3", WorkflowKeys.workflows(tenant), WorkflowKeys.secrets(tenant),
                WorkflowKeys.stats(tenant, id), id).toInteger() == 1;
    }

    /** The signing secret, or null once the workflow was deleted. */
    public String secret(String tenant, String id) {
        return hashes.hget(WorkflowKeys.secrets(tenant), id);
    }

    public WorkflowStats stats(String tenant, String id) {
        Map<String, String> counts = hashes.hgetall(WorkflowKeys.stats(tenant, id));
        return WorkflowStats.of(count(counts, STARTED), count(counts, COMPLETED), count(counts, FAILED));
    }

    private static long count(Map<String, String> counts, String field) {
        String value = counts.get(field);
        return value == null ? 0 : Long.parseLong(value);
    }

    static String encode(Object value) {
        return new String(Json.encode(value), StandardCharsets.UTF_8);
    }

    private static WorkflowDefinition decode(String json) {
        return Json.decode(json.getBytes(StandardCharsets.UTF_8), WorkflowDefinition.class);
    }
}
