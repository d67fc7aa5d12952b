package io.streamgate.gateway.dialect.skyspy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import io.streamgate.gateway.engine.Encoder;
import io.streamgate.gateway.engine.events.LiveEvent;
import io.streamgate.gateway.transport.SseFrames;

/**
 * SkySpy's discrete events ({@code acars:message}, {@code notams:tfr_new}, …):
 * {@code {"type": …, "data": {"id": N, …payload}, "event_id": "<resumable id>"}}. The payload written
 * by ingest is spliced in as it is. {@code data.id} is a number unique per topic (offset × 1000 +
 * partition), standing in for SkySpy's database ids; {@code event_id} is StreamGate's addition, the
 * id to resume from ({@code ?last_event_id=} on reconnect).
 */
final class SkySpyEventCodec implements Encoder<LiveEvent> {

    private final Function<LiveEvent, String> type;
    private final boolean sse;
    private final boolean numberEvents;

    /**
     * @param sse          true for the Server-Sent Events variant ({@code id:}, {@code event:}, {@code data:} lines)
     * @param type         the SkySpy message type of an event, null to leave the event out
     * @param numberEvents true to add {@code data.id} (payloads that carry their own id, such as safety
     *                     events, keep it)
     */
    SkySpyEventCodec(Function<LiveEvent, String> type, boolean sse, boolean numberEvents) {
        this.type = type;
        this.sse = sse;
        this.numberEvents = numberEvents;
    }

    /** Events whose type maps to null are not SkySpy's (a shared topic) and are left out. */
    @Override
    public List<String> encode(List<LiveEvent> events) {
        List<String> frames = new ArrayList<>(events.size());
        for (LiveEvent event : events) {
            String name = type.apply(event);
            if (name != null) {
                frames.add(frame(name, event));
            }
        }
        return frames;
    }

    private String frame(String name, LiveEvent event) {
        String json = message(name, event, numberEvents);
        if (!sse) {
            return json;
        }
        return SseFrames.event(event.id(), name, json);
    }

    static String message(String type, LiveEvent event, boolean numberEvents) {
        return "{\"type\":\"" + type + "\",\"data\":" + data(event, numberEvents) + ",\"event_id\":\"" + event.id()
                + "\"}";
    }

    /** The {@code data} object of an event's message; also what requests for recent events list. */
    static String data(LiveEvent event, boolean numberEvents) {
        String payload = new String(event.data(), StandardCharsets.UTF_8).strip();
        long id = event.offset() * 1000 + event.partition();
        return !numberEvents ? payload
                : payload.length() <= 2 ? "{\"id\":" + id + "}" : "{\"id\":" + id + "," + payload.substring(1);
    }
}
