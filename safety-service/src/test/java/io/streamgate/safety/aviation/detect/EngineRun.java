package io.streamgate.safety.aviation.detect;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.streamgate.platform.safety.SafetyEvent;
import io.streamgate.safety.aviation.AviationSafetyConfig;
import io.streamgate.safety.aviation.Emission;
import io.streamgate.safety.aviation.Fix;
import io.streamgate.safety.aviation.SafetyConfigs;

/** Drives a {@link SafetyEngine} in event time, as the replay does, and keeps everything it published. */
final class EngineRun {

    static final String TENANT = "default";

    final SafetyEngine engine;
    final List<Emission> published = new ArrayList<>();

    EngineRun() {
        this(SafetyConfigs.defaults());
    }

    EngineRun(Map<String, String> overrides) {
        this(SafetyConfigs.with(overrides));
    }

    EngineRun(AviationSafetyConfig config) {
        this.engine = new SafetyEngine(config);
    }

    /** Each fix at its own time, in order. */
    List<Emission> feed(Fix... fixes) {
        return feedAs(TENANT, fixes);
    }

    List<Emission> feedAs(String tenant, Fix... fixes) {
        List<Emission> out = new ArrayList<>();
        for (Fix fix : fixes) {
            out.addAll(engine.onPosition(tenant, fix.position(), 0, fix.time()));
        }
        published.addAll(out);
        return out;
    }

    /** One fix, processed when the engine's clock reads {@code now}. */
    List<Emission> feedAt(Instant now, Fix fix) {
        List<Emission> out = engine.onPosition(TENANT, fix.position(), 0, now);
        published.addAll(out);
        return out;
    }

    /**
     * Both aircraft report once a second for {@code seconds}, {@code a} first.
     *
     * @return where they are afterwards
     */
    Fix[] fly(Fix a, Fix b, int seconds) {
        for (int i = 0; i < seconds; i++) {
            feed(a, b);
            a = a.after(1);
            b = b.after(1);
        }
        return new Fix[] {a, b};
    }

    List<Emission> sweep(Instant now) {
        List<Emission> out = engine.sweep(now);
        published.addAll(out);
        return out;
    }

    List<SafetyEvent> events(String type) {
        return published.stream().map(Emission::event).filter(e -> e.eventType().equals(type)).toList();
    }

    List<SafetyEvent> raised(String type) {
        return published.stream().filter(e -> e.revision() == 0).map(Emission::event)
                .filter(e -> e.eventType().equals(type)).toList();
    }

    List<SafetyEvent> ended(String type) {
        return events(type).stream().filter(e -> !e.active()).toList();
    }

    List<SafetyEvent> all() {
        return published.stream().map(Emission::event).toList();
    }
}
