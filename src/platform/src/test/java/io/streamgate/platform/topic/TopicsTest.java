package io.streamgate.platform.topic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class TopicsTest {

    private static final Pattern LEGAL_NAME = Pattern.compile("[a-z][a-z0-9.]*[a-z0-9]");

    @Test
    void everyTopicHasAUniqueLegalNameAProducerAndAConsumer() {
        Set<String> names = new HashSet<>();
        for (Topic topic : Topics.ALL) {
            assertTrue(names.add(topic.name()), "duplicate topic " + topic.name());
            assertTrue(LEGAL_NAME.matcher(topic.name()).matches(), topic.name());
            assertFalse(topic.producers().isEmpty(), topic.name() + " has no producer");
            assertFalse(topic.consumers().isEmpty(), topic.name() + " has no consumer");
            assertFalse(topic.key().isBlank(), topic.name() + " documents no key");
        }
    }

    @Test
    void theStateTopicIsCompactedAndThePositionsTopicIsNot() {
        assertTrue(Topics.AIRCRAFT_STATE.compacted());
        assertFalse(Topics.AIRCRAFT_POSITIONS.compacted());
    }

    @Test
    void topicsAreFoundByName() {
        assertEquals(Topics.AIRCRAFT_POSITIONS, Topics.byName("aircraft.positions").orElseThrow());
        assertTrue(Topics.byName("no.such.topic").isEmpty());
    }
}
