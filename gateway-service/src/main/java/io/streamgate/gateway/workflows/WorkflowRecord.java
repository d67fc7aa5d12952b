package io.streamgate.gateway.workflows;

import java.io.UncheckedIOException;

import io.streamgate.gateway.engine.events.LiveEvent;
import io.streamgate.platform.json.Json;
import io.streamgate.platform.workflows.WorkflowEvent;

/**
 * A {@code workflows.events} record decoded once. The engine asks every filter group of a tenant about the
 * same event in a row and then encodes it, all on the engine thread, so the last decoded event is
 * remembered: one parse per event however many workflow channels are open.
 */
public final class WorkflowRecord {

    private static final ThreadLocal<Object[]> LAST = ThreadLocal.withInitial(() -> new Object[2]);

    private WorkflowRecord() {
    }

    /** The event, or null when the record is not a readable {@link WorkflowEvent} (the feed counts those). */
    public static WorkflowEvent of(LiveEvent event) {
        Object[] last = LAST.get();
        if (last[0] != event) {
            last[0] = event;
            last[1] = read(event);
        }
        return (WorkflowEvent) last[1];
    }

    private static WorkflowEvent read(LiveEvent event) {
        try {
            WorkflowEvent decoded = Json.decode(event.data(), WorkflowEvent.class);
            return decoded.type() == null || decoded.workflowId() == null ? null : decoded;
        } catch (UncheckedIOException | IllegalArgumentException malformed) {
            return null;
        }
    }
}
