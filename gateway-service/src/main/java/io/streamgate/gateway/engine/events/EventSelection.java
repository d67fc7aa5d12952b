package io.streamgate.gateway.engine.events;

import java.util.ArrayList;
import java.util.List;

import io.streamgate.gateway.engine.Encoder;

/**
 * An encoder and a filter: what an event feed groups sessions by. Equal selections (same encoder
 * instance, equal filter) share their frames; the filter runs once per group, not once per session.
 */
record EventSelection(Encoder<LiveEvent> encoder, EventFilter filter) implements Encoder<LiveEvent> {

    /** The encoder itself when nothing is filtered: unfiltered sessions keep the encoder's group. */
    static Encoder<LiveEvent> of(Encoder<LiveEvent> encoder, EventFilter filter) {
        return filter == EventFilter.ALL ? encoder : new EventSelection(encoder, filter);
    }

    static Encoder<LiveEvent> base(Encoder<LiveEvent> encoder) {
        return encoder instanceof EventSelection selection ? selection.encoder() : encoder;
    }

    @Override
    public List<String> encode(List<LiveEvent> events) {
        List<LiveEvent> wanted = new ArrayList<>(events.size());
        for (LiveEvent event : events) {
            if (filter.test(event)) {
                wanted.add(event);
            }
        }
        return wanted.isEmpty() ? List.of() : encoder.encode(wanted);
    }
}
