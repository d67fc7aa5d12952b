package io.streamgate.ingest.adsb;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The 202 body: what was written, after the broker acknowledged it.
 *
 * @param accepted        records written and acknowledged
 * @param withoutPosition aircraft in the document that had no position, so nothing was written for them
 */
@RegisterForReflection
public record IngestReceipt(@JsonProperty("accepted") int accepted,
        @JsonProperty("without_position") int withoutPosition) {
}
