package io.streamgate.safety.workflows;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.hash.HashCommands;
import io.streamgate.platform.json.Json;
import io.streamgate.platform.workflows.WorkflowExecution;
import io.streamgate.platform.workflows.WorkflowKeys;
import io.vertx.mutiny.redis.client.Response;

/**
 * The durable side of executions: the contract's execution documents and counters, the runner's own
 * {@link RunState}s, and one due-queue of every tenant's executions, a sorted set scored by the time each is due.
 *
 * <p>Every change is one Lua script, so it is atomic. {@link #start} writes the document with HSETNX: an event
 * read twice starts one execution. {@link #claim} moves due members' scores a lease into the future and records
 * a claim token; a member whose lease ran out (its replica died) is due again and claimed by the next replica
 * that looks. {@link #commit} writes an execution's progress only while the caller's token is still the
 * member's, so a replica that lost its lease (paused past it, partitioned) cannot overwrite the progress of the
 * replica that took over: two replicas never both carry one step forward.
 */
@ApplicationScoped
public class ExecutionQueue {

    /** Sorted set: {@code <tenant>/<execution id>} scored by due time, epoch milliseconds. */
    static final String DUE = "streamgate:workflows:due";
    /** Hash: due-queue member → the token of the claim that holds it. */
    static final String LEASES = "streamgate:workflows:leases";

    private static final String START = """
            if redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2]) == 0 then return 0 end
            redis.call('HSET', KEYS[2], ARGV[1], ARGV[3])
            redis.call('ZADD', KEYS[3], ARGV[5], ARGV[4])
            redis.call('HINCRBY', KEYS[4], 'started', 1)
            return 1""";
    private static final String CLAIM = """
            local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[2]))
            for _, member in ipairs(due) do
              redis.call('ZADD', KEYS[1], ARGV[3], member)
              redis.call('HSET', KEYS[2], member, ARGV[4])
            end
            return due""";
    private static final String COMMIT = """
            if redis.call('HGET', KEYS[2], ARGV[1]) ~= ARGV[2] then return 0 end
            redis.call('HSET', KEYS[4], ARGV[3], ARGV[4])
            if ARGV[5] == '' then
              redis.call('HDEL', KEYS[3], ARGV[3])
              redis.call('ZREM', KEYS[1], ARGV[1])
              redis.call('HDEL', KEYS[2], ARGV[1])
            else
              redis.call('HSET', KEYS[3], ARGV[3], ARGV[5])
              redis.call('ZADD', KEYS[1], ARGV[6], ARGV[1])
              if ARGV[7] == '1' then redis.call('HDEL', KEYS[2], ARGV[1]) end
            end
            if ARGV[8] ~= '' then redis.call('HINCRBY', KEYS[5], ARGV[8], 1) end
            return 1""";
    private static final String DROP = """
            if redis.call('HGET', KEYS[2], ARGV[1]) ~= ARGV[2] then return 0 end
            redis.call('ZREM', KEYS[1], ARGV[1])
            redis.call('HDEL', KEYS[2], ARGV[1])
            return 1""";

    /** One claimed execution and the token that proves the claim. */
    public record Claim(String tenant, String executionId, String token) {

        String member() {
            return ExecutionQueue.member(tenant, executionId);
        }
    }

    /** A claimed execution's state. */
    public record Loaded(RunState run, WorkflowExecution execution) {
    }

    /**
     * What a step changed.
     *
     * @param run        the state after it; null when the execution is finished (its run state is removed)
     * @param due        when the execution is due next: its next step's time, or the renewed lease when the
     *                   caller goes on at once
     * @param release    true to give up the claim (the execution waits until {@code due})
     * @param statsField the counter to increment ({@code completed}, {@code failed}), or null
     */
    public record Progress(RunState run, WorkflowExecution execution, Instant due, boolean release,
            String statsField) {
    }

    private final RedisDataSource redis;
    private final HashCommands<String, String, String> hashes;

    ExecutionQueue(RedisDataSource redis) {
        this.redis = redis;
        this.hashes = redis.hash(String.class);
    }

    /** Hash: execution id → {@link RunState} JSON, of the tenant's unfinished executions. */
    public static String runs(String tenant) {
        return "streamgate:tenant:" + tenant + ":workflows:runs";
    }

    static String member(String tenant, String executionId) {
        return tenant + "/" + executionId;
    }

    /** @return false when the execution exists already (the triggering event was read before) */
    public boolean start(RunState run, WorkflowExecution execution, Instant due) {
        return redis.execute("EVAL", START, "4", WorkflowKeys.executions(run.tenant()), runs(run.tenant()), DUE,
                WorkflowKeys.stats(run.tenant(), run.workflowId()), run.executionId(), encode(execution), encode(run),
                member(run.tenant(), run.executionId()), String.valueOf(due.toEpochMilli())).toInteger() == 1;
    }

    /** Claims up to {@code max} executions due at {@code now}, invisible to others until {@code now + lease}. */
    public List<Claim> claim(Instant now, java.time.Duration lease, int max, String token) {
        Response due = redis.execute("EVAL", CLAIM, "2", DUE, LEASES, String.valueOf(now.toEpochMilli()),
                String.valueOf(max), String.valueOf(now.plus(lease).toEpochMilli()), token);
        List<Claim> claims = new ArrayList<>();
        for (Response member : due) {
            String value = member.toString();
            int slash = value.lastIndexOf('/');
            claims.add(new Claim(value.substring(0, slash), value.substring(slash + 1), token));
        }
        return claims;
    }

    /** The claimed execution's state, or null when it has none (then {@link #drop} it). */
    public Loaded load(Claim claim) {
        String run = hashes.hget(runs(claim.tenant()), claim.executionId());
        String doc = hashes.hget(WorkflowKeys.executions(claim.tenant()), claim.executionId());
        if (run == null || doc == null) {
            return null;
        }
        return new Loaded(decode(run, RunState.class), decode(doc, WorkflowExecution.class));
    }

    /** @return false when the claim was lost (another replica took the execution over); nothing was written */
    public boolean commit(Claim claim, String workflowId, Progress progress) {
        return redis.execute("EVAL", COMMIT, "5", DUE, LEASES, runs(claim.tenant()),
                WorkflowKeys.executions(claim.tenant()), WorkflowKeys.stats(claim.tenant(), workflowId),
                claim.member(), claim.token(), claim.executionId(), encode(progress.execution()),
                progress.run() == null ? "" : encode(progress.run()), String.valueOf(progress.due().toEpochMilli()),
                progress.release() ? "1" : "0", progress.statsField() == null ? "" : progress.statsField())
                .toInteger() == 1;
    }

    /** Removes a claimed member that has no state. */
    public void drop(Claim claim) {
        redis.execute("EVAL", DROP, "2", DUE, LEASES, claim.member(), claim.token());
    }

    /** The execution document, or null. */
    public WorkflowExecution execution(String tenant, String executionId) {
        String doc = hashes.hget(WorkflowKeys.executions(tenant), executionId);
        return doc == null ? null : decode(doc, WorkflowExecution.class);
    }

    private static String encode(Object value) {
        return WorkflowStore.encode(value);
    }

    private static <T> T decode(String json, Class<T> type) {
        return Json.decode(json.getBytes(StandardCharsets.UTF_8), type);
    }
}
