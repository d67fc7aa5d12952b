package io.streamgate.gateway.dialect.spooled;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import io.streamgate.gateway.fuzz.FuzzedMessages;

/** Spooled's commands in bulk: any message is a command or a refusal that says why, in either spelling. */
class SpooledCommandProperties {

    @Property(seed = "2321")
    void everyMessageIsACommandOrARefusalWithAReason(@ForAll("messages") String message) {
        SpooledCommand command = SpooledCommand.parse(message);
        assertEquals(command.verb() == null, command.problem() != null, command.toString());
        if (command.verb() != null) {
            assertTrue(Set.of("subscribe", "unsubscribe", "ping").contains(command.verb()), command.verb());
        } else {
            assertTrue(command.problem().length() < 200, "a refusal quotes at most a little of the message");
        }
        Statistics.collect(command.verb() == null ? "refused" : command.verb());
    }

    @Provide
    Arbitrary<String> messages() {
        return Arbitraries.oneOf(FuzzedMessages.around("{\"cmd\":\"Subscribe\",\"queue\":\"emails\",\"job_id\":null}"),
                FuzzedMessages.around("{\"type\":\"subscribe\",\"filter\":{\"queue\":\"emails\",\"jobId\":\"j-1\"},"
                        + "\"requestId\":\"req_1\"}"));
    }
}
