package io.streamgate.gateway.stats;

import java.util.List;
import java.util.function.Function;

/**
 * A dialect's frames for one stat update. The view calls it once per update per encoder and sends the
 * same frames to every watcher using it, so it must not depend on the session; dialects that filter
 * the figures per client (Spooled's queue subscriptions) use one encoder per filter.
 */
@FunctionalInterface
public interface StatsEncoder {

    /**
     * @param previous the figures last shipped to watchers that already hold this stat type, so an encoder
     *                 that reports parts of it (Spooled: one {@code QueueStats} per queue) can send only the
     *                 parts that changed; null for a watcher's first figures, which must be complete
     * @return the frames, in order; empty when nothing this encoder reports changed
     */
    List<String> updates(StatFigures figures, StatFigures previous);

    /** An encoder whose update is one frame of the whole figures, changed or not (SkySpy's {@code stats.update}). */
    static StatsEncoder whole(Function<StatFigures, String> frame) {
        return (figures, previous) -> List.of(frame.apply(figures));
    }
}
