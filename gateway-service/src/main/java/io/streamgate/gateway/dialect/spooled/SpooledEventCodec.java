package io.streamgate.gateway.dialect.spooled;

import java.util.ArrayList;
import java.util.List;

import io.streamgate.gateway.engine.Encoder;
import io.streamgate.gateway.engine.events.LiveEvent;
import io.streamgate.gateway.transport.SseFrames;

/**
 * Spooled's job and worker events from their feeds. The WebSocket variant is the bare message; the SSE
 * variants name the event ({@code event: job.completed}) and carry the resumable id. The job stream's
 * variant follows the job's terminal event with {@link #END}, which {@link FinishingSession} turns into
 * the end of the response.
 */
final class SpooledEventCodec implements Encoder<LiveEvent> {

    /** Not a frame a client ever gets: the job stream's end, in the stream's order. */
    static final String END = "\u0000spooled:end-of-job\u0000";

    static final SpooledEventCodec WEBSOCKET = new SpooledEventCodec(false, false);
    static final SpooledEventCodec SSE = new SpooledEventCodec(true, false);
    static final SpooledEventCodec SSE_JOB = new SpooledEventCodec(true, true);

    private final boolean sse;
    private final boolean endsAfterTerminal;

    private SpooledEventCodec(boolean sse, boolean endsAfterTerminal) {
        this.sse = sse;
        this.endsAfterTerminal = endsAfterTerminal;
    }

    @Override
    public List<String> encode(List<LiveEvent> events) {
        List<String> frames = new ArrayList<>(events.size());
        for (LiveEvent event : events) {
            SpooledRecord record = SpooledRecord.of(event);
            if (!record.readable()) {
                continue;
            }
            String message = record.job() != null ? SpooledMessages.job(record.job())
                    : SpooledMessages.worker(record.worker());
            if (message == null) {
                continue;
            }
            frames.add(sse ? SseFrames.event(event.id(), record.name(), message) : message);
            if (endsAfterTerminal && record.terminal()) {
                frames.add(END);
            }
        }
        return frames;
    }
}
