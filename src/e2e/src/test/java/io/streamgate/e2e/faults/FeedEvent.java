package io.streamgate.e2e.faults;

/**
 * One numbered event of a {@link LiveFeed}: {@code key} is its Kafka key (the order StreamGate keeps is per key),
 * {@code n} its number in the feed, unique across keys.
 */
record FeedEvent(String key, long n) {
}
