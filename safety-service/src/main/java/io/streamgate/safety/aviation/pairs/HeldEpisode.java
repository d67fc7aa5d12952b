package io.streamgate.safety.aviation.pairs;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.streamgate.platform.safety.SafetyEvent;

/**
 * An open pair episode as its sector's store keeps it: the latest record published for it and that record's
 * revision, so whichever replica owns the sector next continues it under the same id.
 */
@RegisterForReflection
record HeldEpisode(@JsonProperty("tenant") String tenant, @JsonProperty("revision") int revision,
        @JsonProperty("latest") SafetyEvent latest) {
}
