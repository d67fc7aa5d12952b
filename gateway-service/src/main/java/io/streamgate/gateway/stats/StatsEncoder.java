package io.streamgate.gateway.stats;

/** A dialect's frame for one stat update; the same frame goes to every client of that dialect. */
@FunctionalInterface
public interface StatsEncoder {

    String update(StatFigures figures);
}
