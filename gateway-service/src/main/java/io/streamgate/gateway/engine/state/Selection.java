package io.streamgate.gateway.engine.state;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import io.streamgate.gateway.engine.Encoder;

/**
 * A codec and a filter: what the engine groups sessions by and encodes once for. Equal selections
 * (same codec instance, equal filter) share their frames.
 */
record Selection<V>(StateCodec<V> codec, StateFilter<V> filter) implements Encoder<StateChange<V>> {

    @Override
    public List<String> encode(List<StateChange<V>> changes) {
        if (filter == StateFilter.ALL) {
            return codec.encode(changes);
        }
        List<StateChange<V>> wanted = new ArrayList<>(changes.size());
        for (StateChange<V> change : changes) {
            if (filter.test(change.value())) {
                wanted.add(change);
            }
        }
        return wanted.isEmpty() ? List.of() : codec.encode(wanted);
    }

    String snapshot(Collection<V> values) {
        return codec.snapshot(filter == StateFilter.ALL ? values : values.stream().filter(filter).toList());
    }
}
