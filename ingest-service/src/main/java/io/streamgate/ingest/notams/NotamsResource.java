package io.streamgate.ingest.notams;

import java.time.Instant;
import java.util.Set;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.streamgate.ingest.batch.BatchEndpoint;
import io.streamgate.ingest.batch.BatchIngest;
import io.streamgate.ingest.batch.BatchSpec;
import io.streamgate.ingest.batch.FieldReader;
import io.streamgate.platform.aviation.Notam;
import io.streamgate.platform.event.EventTypes;
import io.streamgate.platform.topic.Topics;

/** Ingest NOTAMs and TFRs */
@Path("/v1/notams")
@Tag(name = "NOTAMs", description = "NOTAMs and TFRs: "
        + "{notams: [{notam_id, type, location, latitude, longitude, radius_nm, floor_ft, "
        + "ceiling_ft, reason, text, effective_start, effective_end}]}")
public class NotamsResource implements BatchEndpoint {

    static final BatchSpec<Notam> SPEC = new BatchSpec<>(Topics.NOTAMS, "notams", "/ingest/notams",
            NotamsResource::read, Notam::notamId, n -> EventTypes.NOTAM, Notam::effectiveStart);

    private final BatchIngest batch;

    NotamsResource(BatchIngest batch) {
        this.batch = batch;
    }

    @Override
    public Response ingest(String idempotencyKey, byte[] body) {
        return batch.ingest(SPEC, idempotencyKey, body);
    }

    static Notam read(FieldReader f) {
        String id = f.requiredText("notam_id");
        String type = f.oneOf("type", Set.of("NOTAM", "TFR"), true);
        Double lat = f.number("latitude", -90, 90);
        Double lon = f.number("longitude", -180, 180);
        Double radius = f.number("radius_nm", 0, 1000);
        if ("TFR".equals(type) && (lat == null || lon == null || radius == null)) {
            f.problem("radius_nm", "a TFR needs latitude, longitude and radius_nm");
        }
        Instant start = f.requiredInstant("effective_start");
        Instant end = f.instant("effective_end");
        if (start != null && end != null && !end.isAfter(start)) {
            f.problem("effective_end", "must be after effective_start");
        }
        Notam notam = new Notam(id, type, f.text("location"), lat, lon, radius, f.integer("floor_ft", -2000, 100_000),
                f.integer("ceiling_ft", -2000, 100_000), f.text("reason"), f.text("text"), start, end);
        return f.valid() ? notam : null;
    }
}
