package io.streamgate.stats.publish;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

/** Every stat type this service computes, by name. */
@ApplicationScoped
public class StatTypes {

    private final Map<String, Figures> byName;

    StatTypes(Instance<Figures> figures) {
        this.byName = figures.stream().collect(Collectors.toMap(Figures::statType, Function.identity(), (a, b) -> {
            throw new IllegalStateException("two figures for " + a.statType());
        }, TreeMap::new));
    }

    public List<String> names() {
        return List.copyOf(byName.keySet());
    }

    public List<Figures> all() {
        return List.copyOf(byName.values());
    }

    public boolean exists(String name) {
        return byName.containsKey(name);
    }
}
