package io.streamgate.gateway.dialect.skyspy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import io.smallrye.mutiny.Uni;
import io.streamgate.gateway.fuzz.FuzzedMessages;
import io.streamgate.platform.json.Json;

/**
 * SkySpy's client-message parser in bulk: any frame gets one of SkySpy's documented replies (pong,
 * subscribed, unsubscribed, or an error message), and a {@code request} reaches the request handler with
 * an object of params, whatever the frame held.
 */
class SkySpyClientMessageProperties {

    private static final Set<String> REPLIES = Set.of("pong", "subscribed", "unsubscribed", "error");

    @Property(seed = "2311")
    void everyFrameGetsADocumentedReply(@ForAll("frames") String frame) throws Exception {
        JsonNode reply = Json.mapper().readTree(SkySpyClientMessages.reply(frame));
        String type = reply.path("type").asText();
        assertTrue(REPLIES.contains(type), reply.toString());
        if (type.equals("error")) {
            assertFalse(reply.path("message").asText().isBlank(), reply.toString());
        }
        Statistics.collect(type);
    }

    @Property(seed = "2312")
    void aRequestReachesItsHandlerWithObjectParams(@ForAll("requests") String frame) {
        String reply = SkySpyClientMessages.reply(frame, (type, requestId, params) -> {
            assertTrue(params.isObject(), "params " + params);
            return Uni.createFrom().item("{\"type\":\"response\"}");
        }).await().indefinitely();
        assertTrue(reply != null && reply.startsWith("{"), reply);
    }

    /** The fix for a request whose {@code hours} no Instant can hold (1E400 is Infinity): a bounded window. */
    @Property(seed = "2313")
    void anyLookBackIsAnInstantNoLaterThanNow(@ForAll double hours) {
        Instant now = Instant.parse("2026-12-03T12:00:00Z");
        Instant since = LookBack.since(now, hours);
        assertFalse(since.isAfter(now));
        assertFalse(since.isBefore(now.minusSeconds(Math.round(LookBack.MAX_HOURS * 3600))));
    }

    @Provide
    Arbitrary<String> frames() {
        return Arbitraries.oneOf(FuzzedMessages.around("{\"action\":\"subscribe\",\"topics\":[\"aircraft\",\"safety\"]}"),
                FuzzedMessages.around("{\"action\":\"ping\"}"),
                FuzzedMessages.around("{\"action\":\"request\",\"type\":\"aircraft\",\"request_id\":\"r1\","
                        + "\"params\":{\"icao\":\"a1b2c3\"}}"));
    }

    @Provide
    Arbitrary<String> requests() {
        return FuzzedMessages.oneValueReplaced("{\"action\":\"request\",\"type\":\"aircraft\",\"request_id\":\"r1\","
                + "\"params\":{\"icao\":\"a1b2c3\",\"hours\":2}}").filter(frame -> frame.contains("\"request\""));
    }
}
