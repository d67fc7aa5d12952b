package io.streamgate.gateway.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ConflatorTest {

    @Test
    void theLatestEventPerKeyLeavesInFirstSeenOrder() {
        Conflator<String, String> conflator = new Conflator<>((older, newer) -> newer);
        conflator.offer("acme", "a", "a1");
        conflator.offer("acme", "b", "b1");
        conflator.offer("acme", "a", "a2");
        conflator.offer("acme", "a", "a3");
        conflator.offer("globex", "a", "g1");

        Map<String, List<String>> drained = new LinkedHashMap<>();
        conflator.drain(drained::put);

        assertEquals(List.of("a3", "b1"), drained.get("acme"));
        assertEquals(List.of("g1"), drained.get("globex"));
        assertEquals(2, conflator.conflatedCount());
    }

    @Test
    void aDrainStartsAfresh() {
        Conflator<String, String> conflator = new Conflator<>((older, newer) -> newer);
        conflator.offer("acme", "a", "a1");
        conflator.drain((tenant, events) -> {
        });

        Map<String, List<String>> drained = new LinkedHashMap<>();
        conflator.drain(drained::put);
        assertEquals(Map.of(), drained);
    }
}
