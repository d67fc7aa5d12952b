package io.streamgate.e2e.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.streamgate.devstack.Deadline;
import io.streamgate.devstack.KafkaBroker;
import io.streamgate.devstack.Service;
import io.streamgate.devstack.Stack;
import io.streamgate.platform.identity.Role;
import io.streamgate.platform.topic.Topics;

/**
 * The Kafka broker SIGKILLed under live traffic and started again on its port and data (issue #21): while it is
 * down ingest answers 503 (never a 202 it cannot keep); afterwards every record it answered 202 for is on Kafka,
 * counted per key; the gateway's clients of every dialect get every critical event accepted before, during and
 * after, without a gap — resuming from their last id if the gateway closed them meanwhile.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class BrokerRestartIT {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final Duration PACE = Duration.ofMillis(100);
    private static final String TENANT = "broker_restart";

    private static Stack stack;

    @BeforeAll
    static void startStack() {
        stack = Stack.start(false, EnumSet.of(Service.GATEWAY, Service.INGEST));
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void aBrokerKilledAndRestartedLosesNothingIngestAcceptedAndClientsResumeWithoutAGap() {
        String token = stack.infrastructure().credentials().token(TENANT, "faults-broker", Set.of(Role.USER),
                Duration.ofMinutes(30));
        KafkaBroker kafka = stack.infrastructure().kafka();
        try (DialectFeeds feeds = new DialectFeeds(() -> stack.url(Service.INGEST), kafka.bootstrapServers(), TENANT,
                token);
                FaultRun run = new FaultRun(feeds.all(), () -> stack.url(Service.GATEWAY), WAIT);
                AircraftFeed aircraft = new AircraftFeed("aircraft", () -> stack.url(Service.INGEST), token, 0xfa0000)) {
            run.startFeeds(PACE);
            aircraft.start(PACE);
            run.awaitProgress(5, WAIT);
            Deadline.await("aircraft accepted before the fault", WAIT, () -> aircraft.accepted().size() >= 5);

            long killed = System.nanoTime();
            kafka.kill();
            // Down until ingest has refused posts sent after the kill: each waits out the acknowledgement timeout.
            Deadline.await("ingest refusing a post sent after the kill", WAIT, () -> aircraft.attempts().stream()
                    .anyMatch(a -> a.sentNanos() > killed && !a.outcome().accepted()));
            long restarting = System.nanoTime();
            kafka.start();
            long restarted = System.nanoTime();

            List<LiveFeed.Attempt> whileDown = aircraft.attempts().stream()
                    .filter(a -> a.sentNanos() > killed && a.answeredNanos() < restarting).toList();
            assertTrue(!whileDown.isEmpty(), "posts answered while Kafka was down");
            assertTrue(whileDown.stream().noneMatch(a -> a.outcome().accepted()),
                    "no 202 while Kafka is down: " + whileDown);
            assertTrue(whileDown.stream().allMatch(a -> "503".equals(a.outcome().detail())),
                    "every post while Kafka is down is a 503: " + whileDown);

            // Back: ingest accepts again, and every client gets what was accepted after the restart too.
            run.awaitPublished(20, WAIT);
            Deadline.await("aircraft accepted after the restart", WAIT, () -> aircraft.attempts().stream()
                    .anyMatch(a -> a.sentNanos() > restarted && a.outcome().accepted()));
            run.awaitProgress(10, WAIT);
            run.stopFeeds();
            aircraft.stop();

            System.out.printf(Locale.ROOT, "Broker SIGKILL and restart: down %.1f s (kill to restart begun), broker "
                    + "start %.1f s; %d posts answered while down, all 503%n",
                    (restarting - killed) / 1e9, (restarted - restarting) / 1e9, whileDown.size());
            for (DialectFeeds.Pair pair : feeds.pairs()) {
                System.out.println("  " + pair.feed().name() + " publications: " + pair.feed().outcomes());
            }
            run.judge(WAIT);
            System.out.println("  connections:" + run.connectionsReport());

            Map<String, Integer> written = TopicCount.perKey(kafka.bootstrapServers(),
                    Topics.AIRCRAFT_POSITIONS.name(), TENANT, WAIT);
            int accepted = aircraft.accepted().size();
            int refused = aircraft.refused().size();
            List<String> short_ = new ArrayList<>();
            long records = 0;
            for (String hex : AircraftFeed.hexes(0xfa0000)) {
                int count = written.getOrDefault(hex, 0);
                records += count;
                if (count < accepted || count > accepted + refused) {
                    short_.add(hex + "=" + count);
                }
            }
            System.out.printf(Locale.ROOT, "  aircraft: %d posts accepted, %d refused (%s); %d records on Kafka for "
                    + "%d aircraft (each between %d and %d)%n", accepted, refused, aircraft.outcomes(), records,
                    AircraftFeed.AIRCRAFT, accepted, accepted + refused);
            assertEquals(List.of(), short_, "per aircraft: at least every accepted post, at most every post");
            assertEquals(AircraftFeed.AIRCRAFT, written.size(), "only the feed's aircraft under this tenant");
        }
    }
}
