package io.streamgate.e2e.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.streamgate.devstack.Deadline;
import io.streamgate.devstack.Service;
import io.streamgate.devstack.ServiceProcess;
import io.streamgate.devstack.Stack;
import io.streamgate.platform.identity.Role;
import io.streamgate.platform.topic.Topics;

/**
 * Two ingest instances and no balancer in front (issue #17 item 5): receivers post the same aircraft to both at
 * once, and every aircraft is on Kafka exactly as many times as either instance answered 202 for it. Ingest holds
 * nothing between requests, so two instances are two producers of one topic.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class IngestScaleOutIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String TENANT = "ingest_two";
    private static final int FIRST_HEX = 0xfb0000;
    /** Posts per instance: 20 aircraft each, so 8,000 records in all. */
    private static final int POSTS = 200;

    private static Stack stack;
    private static ServiceProcess second;

    @BeforeAll
    static void startTwoIngests() {
        stack = Stack.start(false, EnumSet.of(Service.INGEST));
        second = stack.startReplica(Service.INGEST);
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void everyRecordEitherInstanceAcceptedIsOnKafkaExactlyAsOftenAsItWasAnswered202() {
        String token = stack.infrastructure().credentials().token(TENANT, "faults-ingest", Set.of(Role.USER),
                Duration.ofMinutes(30));
        try (AircraftFeed one = new AircraftFeed("ingest-1", () -> stack.url(Service.INGEST), token, FIRST_HEX);
                AircraftFeed two = new AircraftFeed("ingest-2", second::url, token, FIRST_HEX)) {
            long start = System.nanoTime();
            one.start(Duration.ofMillis(1));
            two.start(Duration.ofMillis(1));
            Deadline.await(POSTS + " posts answered by each instance", WAIT,
                    () -> one.attempts().size() >= POSTS && two.attempts().size() >= POSTS);
            one.stop();
            two.stop();
            double seconds = (System.nanoTime() - start) / 1e9;

            assertTrue(one.refused().isEmpty() && two.refused().isEmpty(),
                    "every post accepted: " + one.outcomes() + " / " + two.outcomes());
            Map<String, Integer> written = TopicCount.perKey(stack.infrastructure().kafka().bootstrapServers(),
                    Topics.AIRCRAFT_POSITIONS.name(), TENANT, WAIT);
            Map<String, Integer> expected = new HashMap<>();
            for (String hex : AircraftFeed.hexes(FIRST_HEX)) {
                expected.put(hex, one.accepted().size() + two.accepted().size());
            }
            long records = written.values().stream().mapToLong(Integer::intValue).sum();
            System.out.printf(Locale.ROOT, "Two ingest instances: %d + %d posts of %d aircraft in %.1f s: %,.0f + %,.0f "
                    + "records/s (%,.0f together); %,d records on Kafka, per aircraft = 202s answered by both%n",
                    one.accepted().size(), two.accepted().size(), AircraftFeed.AIRCRAFT, seconds,
                    one.accepted().size() * AircraftFeed.AIRCRAFT / seconds,
                    two.accepted().size() * AircraftFeed.AIRCRAFT / seconds,
                    (one.accepted().size() + two.accepted().size()) * AircraftFeed.AIRCRAFT / seconds, records);
            assertEquals(expected, written, "records per aircraft = posts answered 202 by either instance");
        }
    }
}
