package io.streamgate.stats.publish;

import java.time.Instant;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Computes one stat type of one tenant from the aggregation state. Runs on the publisher thread. */
public interface Figures {

    /** The {@code stat_type} it computes. */
    String statType();

    /** The figures at {@code now}; without the volatile {@code timestamp} the publisher adds. */
    ObjectNode compute(String tenant, Instant now);
}
