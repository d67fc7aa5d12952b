package io.streamgate.safety.aviation;

import io.streamgate.platform.safety.SafetyEvent;

/**
 * One record for {@code safety.events}.
 *
 * @param revision 0 when the episode opens, then one more for every later record of the same episode
 */
public record Emission(String tenant, SafetyEvent event, int revision) {

    /** The CloudEvents id: the same episode record read twice gets the same id. */
    public String cloudEventId() {
        return event.id() + "-" + revision;
    }

    /** The record key: the episode's id, so all records of one episode stay in order. */
    public String key() {
        return Long.toString(event.id());
    }
}
