package io.streamgate.ingest.adsb;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import com.fasterxml.jackson.databind.JsonNode;

import io.streamgate.ingest.fuzz.FuzzedJson;
import io.streamgate.platform.json.Json;
import io.streamgate.service.problem.InvalidRequestException;

/**
 * {@code POST /v1/aircraft} in bulk, without HTTP: a body is either not JSON (400), refused naming its bad
 * fields (422), or read into positions that {@link AircraftPositionEvents} can turn into records. An
 * exception of any other kind would be a 500.
 */
class AircraftJsonProperties {

    static final String VALID = "{\"now\":1785349721.5,\"messages\":1200,\"aircraft\":[{\"hex\":\"c0ffee\","
            + "\"flight\":\"UAL123  \",\"alt_baro\":35000,\"alt_geom\":35200,\"gs\":450.5,\"track\":270.1,"
            + "\"baro_rate\":-64,\"squawk\":\"7700\",\"emergency\":\"general\",\"category\":\"A3\",\"lat\":47.1,"
            + "\"lon\":8.2,\"nic\":8,\"seen_pos\":0.5,\"seen\":0.1,\"rssi\":-20.5,\"dbFlags\":1,"
            + "\"t\":\"B738\",\"r\":\"N12345\"},{\"hex\":\"~abc123\",\"alt_baro\":\"ground\",\"lat\":-33.9,"
            + "\"lon\":151.2,\"seen_pos\":120},{\"hex\":\"a1b2c3\",\"seen\":3}]}";

    private final AircraftJsonParser parser = new AircraftJsonParser(() -> Instant.parse("2026-07-29T18:28:40Z"),
            Duration.ofSeconds(60));

    @Property(seed = "2111")
    void everyBodyIsReadOrRefusedWithAProblem(@ForAll("bodies") byte[] body) {
        String outcome;
        JsonNode document = null;
        try {
            document = Json.mapper().readTree(body);
        } catch (IOException notJson) {
            outcome = "400";
            Statistics.collect(outcome);
            return;
        }
        try {
            ReceiverSnapshot snapshot = parser.parse(document);
            AircraftPositionEvents.of(snapshot.positions(), "acme", AircraftPositionEvents.SOURCE);
            outcome = "accepted";
        } catch (InvalidRequestException refused) {
            assertFalse(refused.problems().isEmpty(), "a 422 names at least one bad field");
            outcome = "422";
        }
        Statistics.collect(outcome);
    }

    @Provide
    Arbitrary<byte[]> bodies() {
        return FuzzedJson.around(VALID);
    }
}
