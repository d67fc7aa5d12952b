package io.streamgate.gateway.transport;

/**
 * The one spelling of a Server-Sent Event in the gateway. Codecs render their SSE variant with it once
 * per tick, so that every stream shares the frame. {@code data} must be one line (JSON as the codecs
 * write it has no raw newlines).
 */
public final class SseFrames {

    private SseFrames() {
    }

    /** @param id the resumable id, or null for an event a client cannot resume from (state, notices) */
    public static String event(String id, String name, String data) {
        StringBuilder frame = new StringBuilder(data.length() + name.length() + 32);
        if (id != null) {
            frame.append("id: ").append(id).append('\n');
        }
        return frame.append("event: ").append(name).append("\ndata: ").append(data).append("\n\n").toString();
    }
}
