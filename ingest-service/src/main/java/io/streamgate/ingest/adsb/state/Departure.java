package io.streamgate.ingest.adsb.state;

/**
 * An aircraft that left the state: it needs a tombstone under {@code hex}, owned by {@code tenant}.
 *
 * @param source the CloudEvents source of its last state record, so the tombstone names the same feed
 */
public record Departure(String tenant, String hex, String source) {
}
