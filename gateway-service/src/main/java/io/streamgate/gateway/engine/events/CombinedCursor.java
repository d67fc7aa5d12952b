package io.streamgate.gateway.engine.events;

import java.util.ArrayList;
import java.util.List;

import io.streamgate.gateway.engine.Frame;
import io.streamgate.gateway.engine.ForwardingSession;
import io.streamgate.gateway.engine.Session;

/**
 * Lets one Server-Sent Events stream that carries several event feeds resume all of them from the single
 * {@code Last-Event-ID} a browser keeps. Every event's {@code id:} line becomes the positions of all the
 * stream's feeds as this client has received them, joined by {@code .} (feed ids are base64url, which has
 * no {@code .}); {@link #idFor} takes a feed's own position back out on reconnect.
 *
 * <p>The id is per client, so the event's shared frame is copied once for this session: acceptable for
 * the SSE fallback, which is why WebSocket sessions never go through it. Frames without an id line
 * (state changes, notices) pass through untouched.
 */
public final class CombinedCursor extends ForwardingSession {

    private static final String ID_LINE = "id: ";
    private static final char SEPARATOR = '.';

    private final List<String> topics;
    private final String[] positions;

    /**
     * @param topics      the feeds this stream combines
     * @param lastEventId the combined id the client resumes from, or null
     */
    public CombinedCursor(Session delegate, List<String> topics, String lastEventId) {
        super(delegate);
        this.topics = List.copyOf(topics);
        this.positions = new String[topics.size()];
        for (int i = 0; i < positions.length; i++) {
            positions[i] = idFor(lastEventId, topics.get(i));
        }
    }

    /** The resume id of {@code topic}'s feed within a combined id; null when it holds none. */
    public static String idFor(String combinedId, String topic) {
        if (combinedId == null || combinedId.isBlank()) {
            return null;
        }
        for (String part : combinedId.strip().split("\\" + SEPARATOR)) {
            if (StreamPosition.decode(part, topic).isPresent()) {
                return part;
            }
        }
        return null;
    }

    @Override
    public synchronized boolean send(Frame frame) {
        String text = frame.text();
        if (!text.startsWith(ID_LINE)) {
            return delegate.send(frame);
        }
        int end = text.indexOf('\n');
        String id = text.substring(ID_LINE.length(), end);
        for (int i = 0; i < positions.length; i++) {
            if (StreamPosition.decode(id, topics.get(i)).isPresent()) {
                positions[i] = id;
                break;
            }
        }
        List<String> known = new ArrayList<>(positions.length);
        for (String position : positions) {
            if (position != null) {
                known.add(position);
            }
        }
        return delegate.send(ID_LINE + String.join(String.valueOf(SEPARATOR), known) + text.substring(end));
    }
}
