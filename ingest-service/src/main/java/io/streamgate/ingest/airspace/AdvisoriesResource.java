package io.streamgate.ingest.airspace;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.streamgate.ingest.batch.BatchEndpoint;
import io.streamgate.ingest.batch.BatchIngest;
import io.streamgate.ingest.batch.BatchSpec;
import io.streamgate.ingest.batch.FieldReader;
import io.streamgate.platform.aviation.AirspaceAdvisory;
import io.streamgate.platform.event.EventTypes;
import io.streamgate.platform.topic.Topics;

/** Ingest airspace advisories (G-AIRMET, SIGMET, AIRMET, CWA) */
@Path("/v1/airspace/advisories")
@Tag(name = "Airspace", description = "Airspace advisories: "
        + "{advisories: [{advisory_id, advisory_type, hazard, severity, valid_from, valid_to, "
        + "lower_ft, upper_ft, boundary, raw_text}]}")
public class AdvisoriesResource implements BatchEndpoint {

    static final BatchSpec<AirspaceAdvisory> SPEC = new BatchSpec<>(Topics.AIRSPACE_ADVISORIES, "advisories",
            "/ingest/airspace", AdvisoriesResource::read, AirspaceAdvisory::advisoryId,
            a -> EventTypes.AIRSPACE_ADVISORY, AirspaceAdvisory::timestamp);

    private final BatchIngest batch;

    AdvisoriesResource(BatchIngest batch) {
        this.batch = batch;
    }

    @Override
    public Response ingest(String idempotencyKey, byte[] body) {
        return batch.ingest(SPEC, idempotencyKey, body);
    }

    static AirspaceAdvisory read(FieldReader f) {
        String id = f.requiredText("advisory_id");
        String type = f.oneOf("advisory_type", Set.of("GAIRMET", "SIGMET", "AIRMET", "CWA"), true);
        String hazard = f.requiredText("hazard");
        Instant from = f.requiredInstant("valid_from");
        Instant to = f.requiredInstant("valid_to");
        if (from != null && to != null && !to.isAfter(from)) {
            f.problem("valid_to", "must be after valid_from");
        }
        List<List<Double>> boundary = boundary(f);
        Instant issued = f.instant("timestamp");
        AirspaceAdvisory advisory = new AirspaceAdvisory(id, type, hazard, f.text("severity"), from, to,
                f.integer("lower_ft", -2000, 100_000), f.integer("upper_ft", -2000, 100_000), boundary,
                f.text("raw_text"), issued == null ? from : issued);
        return f.valid() ? advisory : null;
    }

    /** A closed ring of at least four [lat, lon] points. */
    private static List<List<Double>> boundary(FieldReader f) {
        JsonNode ring = f.raw("boundary");
        if (ring == null || ring.isNull()) {
            f.problem("boundary", "is required: a closed ring of [lat, lon] points");
            return null;
        }
        List<List<Double>> points = new ArrayList<>();
        boolean wellFormed = ring.isArray() && ring.size() >= 4;
        for (JsonNode point : ring) {
            if (!point.isArray() || point.size() != 2 || !point.get(0).isNumber() || !point.get(1).isNumber()
                    || Math.abs(point.get(0).asDouble()) > 90 || Math.abs(point.get(1).asDouble()) > 180) {
                wellFormed = false;
                break;
            }
            points.add(List.of(point.get(0).asDouble(), point.get(1).asDouble()));
        }
        if (!wellFormed || !points.get(0).equals(points.get(points.size() - 1))) {
            f.problem("boundary", "must be a closed ring (first point = last) of at least four [lat, lon] points");
            return null;
        }
        return points;
    }
}
