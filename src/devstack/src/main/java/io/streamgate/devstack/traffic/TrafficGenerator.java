package io.streamgate.devstack.traffic;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One simulated feed of the demo traffic, and the extension point for new ones: implement this and
 * add the generator to {@link TrafficSource#standardGenerators}.
 *
 * <p>{@link #tick} runs on the traffic source's scheduler, one call at a time per generator, every
 * {@link #interval()}; what it returns is posted to ingest in order, before its next call.
 */
public interface TrafficGenerator {

    /** A short name for log lines, such as {@code sensors}. */
    String name();

    /** How often {@link #tick} runs, wall-clock. */
    Duration interval();

    /** The posts that are due at {@code now}, in the order they must reach ingest; may be empty. */
    List<IngestPost> tick(Instant now);

    /** A line for the launcher's banner: what this generator sends. */
    default String describe() {
        return name();
    }
}
