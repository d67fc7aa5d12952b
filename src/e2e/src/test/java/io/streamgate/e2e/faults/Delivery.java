package io.streamgate.e2e.faults;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a client received of a feed, judged against what the feed had accepted: every accepted event exactly
 * once, in publication order per key. An event the feed was refused (a 503) may appear — a refused write can
 * still have reached Kafka — and, where the producer documents at least once after a 503 (ingest's entity
 * outbox re-announces it), more than once: those are counted in {@code refusedDelivered}, {@code
 * refusedRepeated}, not judged.
 */
public record Delivery(String name, int accepted, int received, Set<Long> missing, Set<Long> duplicated,
        Set<Long> unexpected, Map<String, String> outOfOrder, int refusedDelivered, Set<Long> refusedRepeated) {

    static Delivery judge(String name, List<FeedEvent> accepted, List<FeedEvent> refused, List<FeedEvent> seen) {
        Set<Long> acceptedNumbers = new HashSet<>();
        accepted.forEach(e -> acceptedNumbers.add(e.n()));
        Set<Long> refusedNumbers = new HashSet<>();
        refused.forEach(e -> refusedNumbers.add(e.n()));

        Set<Long> once = new HashSet<>();
        Set<Long> duplicated = new TreeSet<>();
        Set<Long> refusedRepeated = new TreeSet<>();
        Set<Long> unexpected = new TreeSet<>();
        for (FeedEvent event : seen) {
            if (!once.add(event.n())) {
                (refusedNumbers.contains(event.n()) ? refusedRepeated : duplicated).add(event.n());
            }
            if (!acceptedNumbers.contains(event.n()) && !refusedNumbers.contains(event.n())) {
                unexpected.add(event.n());
            }
        }
        Set<Long> missing = new TreeSet<>(acceptedNumbers);
        missing.removeAll(once);

        Map<String, List<Long>> published = perKey(accepted, acceptedNumbers);
        Map<String, List<Long>> delivered = perKey(seen, acceptedNumbers);
        Map<String, String> outOfOrder = new LinkedHashMap<>();
        published.forEach((key, order) -> {
            List<Long> got = new ArrayList<>(new java.util.LinkedHashSet<>(delivered.getOrDefault(key, List.of())));
            List<Long> expected = new ArrayList<>(order);
            expected.retainAll(got);
            if (!expected.equals(got)) {
                outOfOrder.put(key, "published " + expected + ", received " + got);
            }
        });
        Set<Long> refusedSeen = new HashSet<>(once);
        refusedSeen.retainAll(refusedNumbers);
        return new Delivery(name, accepted.size(), seen.size(), missing, duplicated, unexpected, outOfOrder,
                refusedSeen.size(), refusedRepeated);
    }

    public boolean exact() {
        return missing.isEmpty() && duplicated.isEmpty() && unexpected.isEmpty() && outOfOrder.isEmpty();
    }

    private static Map<String, List<Long>> perKey(List<FeedEvent> events, Set<Long> only) {
        Map<String, List<Long>> perKey = new HashMap<>();
        for (FeedEvent event : events) {
            if (only.contains(event.n())) {
                perKey.computeIfAbsent(event.key(), k -> new ArrayList<>()).add(event.n());
            }
        }
        return perKey;
    }

    @Override
    public String toString() {
        String refused = refusedDelivered == 0 ? "" : " (" + refusedDelivered + " refused ones delivered"
                + (refusedRepeated.isEmpty() ? "" : ", of which again " + refusedRepeated) + ")";
        return name + ": " + accepted + " accepted, " + received + " received" + refused + (exact() ? ", exact"
                : ", missing " + missing + ", duplicated " + duplicated + ", unexpected " + unexpected
                        + ", out of order " + outOfOrder);
    }
}
