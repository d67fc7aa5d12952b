package io.streamgate.stats.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class RedisBatchTest {

    private static List<String> commands(RedisBatch batch) {
        // A request prints as RESP; keep its words: "hincrby k positions 1000".
        return batch.requests().stream().map(r -> String.join(" ", r.toString().lines()
                .filter(l -> !l.startsWith("*") && !l.startsWith("$")).toList()).toLowerCase()).toList();
    }

    @Test
    void incrementsOfOneFieldAreSummedIntoOneCommand() {
        RedisBatch batch = new RedisBatch();
        for (int i = 0; i < 1000; i++) {
            batch.hincrby("k", "positions", 1, Duration.ofDays(8));
        }
        List<String> commands = commands(batch);
        assertEquals(2, commands.size(), commands.toString());
        assertTrue(commands.get(0).equals("hincrby k positions 1000"), commands.get(0));
        assertTrue(commands.get(1).equals("expire k 691200"), commands.get(1));
    }

    @Test
    void theLastWriteOfAHashFieldWinsIncludingADelete() {
        RedisBatch batch = new RedisBatch();
        batch.hset("active", "7", "TCAS_TA|medium", null);
        batch.hset("active", "7", "TCAS_TA|high", null);
        batch.hdel("active", "7");
        List<String> commands = commands(batch);
        assertEquals(1, commands.size(), commands.toString());
        assertTrue(commands.get(0).equals("hdel active 7"), commands.get(0));
    }

    @Test
    void setMembersKeepTheirLastOperationAndTenantsAreRegistered() {
        RedisBatch batch = new RedisBatch();
        batch.sadd("pending", "j1", null);
        batch.srem("pending", "j1");
        batch.tenant("acme");
        List<String> commands = commands(batch);
        assertEquals(2, commands.size(), commands.toString());
        assertTrue(commands.get(0).equals("srem pending j1"), commands.get(0));
        assertTrue(commands.get(1).equals("sadd " + StatsKeys.TENANTS + " acme"), commands.get(1));
    }
}
