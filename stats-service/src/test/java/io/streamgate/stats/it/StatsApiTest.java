package io.streamgate.stats.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.streamgate.devstack.DevstackTestResource;
import io.streamgate.platform.event.EventTypes;
import io.streamgate.platform.sensors.MachineStatus;
import io.streamgate.platform.topic.Topics;
import io.streamgate.stats.StatsFixture;

/** The REST API: listing, problem details, authentication and tenant isolation. */
@QuarkusTest
@WithTestResource(value = DevstackTestResource.class, scope = TestResourceScope.GLOBAL)
class StatsApiTest {

    private static StatsFixture kafka;

    @Inject
    RedisDataSource redis;

    @BeforeAll
    static void open() {
        kafka = new StatsFixture();
    }

    @AfterAll
    static void close() {
        kafka.close();
    }

    @Test
    void listsEveryStatType() {
        given().auth().oauth2(StatsFixture.token("default")).get("/v1/stats").then().statusCode(200)
                .body("stat_types", hasItems("aircraft_stats", "tracking_quality", "busiest_hours",
                        "common_aircraft_types", "airlines", "daily_totals", "safety_stats", "alert_stats", "dashboard",
                        "queue_stats", "machine_health"))
                .body("stat_types.size()", equalTo(11));
    }

    @Test
    void anUnknownStatTypeIsA404Problem() {
        StatsFixture.get("default", "flight_patterns").then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://streamgate.io/problems/unknown-stat-type"))
                .body("status", equalTo(404));
    }

    @Test
    void withoutACredentialTheApiAnswers401() {
        given().get("/v1/stats/aircraft_stats").then().statusCode(401);
    }

    @Test
    void aTenantSeesOnlyItsOwnFigures() {
        String mine = StatsFixture.tenant("iso-a");
        String theirs = StatsFixture.tenant("iso-b");
        Instant now = Instant.now();
        for (String machine : new String[] {"m1", "m2", "m3"}) {
            kafka.send(Topics.MACHINES_STATUS, mine + "/" + machine, mine, EventTypes.MACHINE_STATUS, now,
                    new MachineStatus(machine, null, "warning", now, "test"));
        }
        kafka.send(Topics.MACHINES_STATUS, theirs + "/m1", theirs, EventTypes.MACHINE_STATUS, now,
                new MachineStatus("m1", null, "offline", now, "test"));

        StatsFixture.awaitFigures(mine, "machine_health", d -> d.get("total").asInt() == 3
                && d.at("/by_status/warning").asInt() == 3);
        var theirFigures = StatsFixture.awaitFigures(theirs, "machine_health", d -> d.get("total").asInt() == 1);
        assertEquals(1, theirFigures.at("/by_status/offline").asInt());
        assertEquals(0, theirFigures.at("/by_status/warning").asInt(), "nothing of the other tenant");

        // A third tenant with no data has no figures at all, rather than someone else's.
        String empty = StatsFixture.tenant("iso-c");
        StatsFixture.get(empty, "machine_health").then().statusCode(404)
                .body("type", equalTo("https://streamgate.io/problems/no-figures-yet"));
        assertNull(redis.value(String.class).get("streamgate:tenant:" + empty + ":stats:machine_health"));
    }
}
