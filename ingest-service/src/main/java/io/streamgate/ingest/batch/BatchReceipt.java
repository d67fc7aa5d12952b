package io.streamgate.ingest.batch;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The 202 body of a batch endpoint: every item was written and acknowledged. */
@RegisterForReflection
public record BatchReceipt(@JsonProperty("accepted") int accepted) {
}
