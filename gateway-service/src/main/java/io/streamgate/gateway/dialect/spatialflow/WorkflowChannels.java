package io.streamgate.gateway.dialect.spatialflow;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;

import org.jboss.logging.Logger;

import io.streamgate.gateway.dialect.Channel;
import io.streamgate.gateway.dialect.Conversation;
import io.streamgate.gateway.dialect.Endpoint;
import io.streamgate.gateway.dialect.Handshake;
import io.streamgate.gateway.engine.Refusal;
import io.streamgate.gateway.engine.Session;
import io.streamgate.gateway.transport.SseFrames;
import io.streamgate.gateway.workflows.WorkflowDirectory;
import io.streamgate.gateway.workflows.WorkflowEventFeed;
import io.streamgate.gateway.workflows.WorkflowFilter;

/**
 * {@code /ws/workflows/{workflow_id}/} (the workflow's changes, its executions starting and ending, with its
 * counts) and {@code …/executions/{execution_id}/} (one execution step by step). A client first gets where the
 * workflow or execution stands now, read from Redis, then every event from before that read on: an event
 * written while it was read may reach the client in the snapshot and once more live (every message carries the
 * state after it, so applying it twice changes nothing). A workflow or execution the caller's tenant does not
 * have is closed {@link Refusal#NOT_FOUND} (4004), never streamed empty. A resuming client
 * ({@code Last-Event-ID}) gets no snapshot, only what it missed.
 */
final class WorkflowChannels {

    private static final Logger LOG = Logger.getLogger(WorkflowChannels.class);
    static final String GAP = "{\"type\":\"gap\",\"message\":\"Some workflow events since your Last-Event-ID are no "
            + "longer available; reconnect without it for the current state\"}";

    private final WorkflowEventFeed events;
    private final WorkflowDirectory directory;

    WorkflowChannels(WorkflowEventFeed events, WorkflowDirectory directory) {
        this.events = events;
        this.directory = directory;
    }

    Endpoint workflow(String path, boolean sse) {
        return endpoint(path, sse, (session, handshake) -> {
            String tenant = session.identity().tenant();
            String workflowId = handshake.pathParams().get("workflowId");
            return follow(session, handshake, sse, WorkflowFilter.workflow(workflowId), "Workflow not found",
                    () -> directory.workflow(tenant, workflowId), workflow -> SpatialFlowMessages
                            .workflowStatus(workflow.definition(), workflow.stats(), Instant.now()));
        });
    }

    Endpoint execution(String path, boolean sse) {
        return endpoint(path, sse, (session, handshake) -> {
            String tenant = session.identity().tenant();
            String workflowId = handshake.pathParams().get("workflowId");
            String executionId = handshake.pathParams().get("executionId");
            return follow(session, handshake, sse, WorkflowFilter.execution(workflowId, executionId),
                    "Execution not found", () -> directory.execution(tenant, workflowId, executionId),
                    execution -> SpatialFlowMessages.executionSnapshot(execution, Instant.now()));
        });
    }

    private <T> Conversation follow(Session session, Handshake handshake, boolean sse, WorkflowFilter filter,
            String notFound, Supplier<CompletionStage<Optional<T>>> lookup, Function<T, String> snapshot) {
        String tenant = session.identity().tenant();
        String resumeFrom = handshake.lastEventId();
        Listening listening = new Listening(() -> events.unsubscribe(session));
        // The lookup starts only once the position is taken: an event written before it is in the snapshot, one
        // written after it is streamed.
        events.currentId().thenCompose(now -> lookup.get().thenApply(found -> {
            if (found.isEmpty()) {
                session.close(Refusal.NOT_FOUND, notFound);
                return null;
            }
            String snapshotFrame = resumeFrom != null ? null : frame(sse, snapshot.apply(found.get()));
            events.subscribe(session, tenant, sse ? SpatialFlowEventCodec.WORKFLOW_EVENTS_SSE
                    : SpatialFlowEventCodec.WORKFLOW_EVENTS, filter, resumeFrom != null ? resumeFrom : now,
                    () -> session.send(frame(sse, GAP)), snapshotFrame == null ? null : () -> List.of(snapshotFrame));
            listening.unsubscribeIfEnded();
            return null;
        })).exceptionally(failure -> {
            LOG.warnf("workflow lookup failed: %s", failure.toString());
            session.close(Refusal.GOING_AWAY, "Workflow state is unavailable; retry");
            return null;
        });
        return listening;
    }

    private static String frame(boolean sse, String message) {
        return sse ? SseFrames.event(null, SpatialFlowEventCodec.typeOf(message), message) : message;
    }

    private static Endpoint endpoint(String path, boolean sse, Channel channel) {
        return sse ? Endpoint.sse(path, false, channel) : Endpoint.webSocket(path, false, channel);
    }
}
