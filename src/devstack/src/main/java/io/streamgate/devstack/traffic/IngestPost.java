package io.streamgate.devstack.traffic;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.streamgate.platform.json.Json;

/**
 * One request for ingest's public API, its body already encoded so that a retry sends the very same
 * bytes.
 *
 * @param path  the endpoint, such as {@code /v1/sensors/readings}
 * @param body  the JSON body
 * @param items records the body should become
 * @param live  true for a picture of now (a receiver's snapshot), which is worthless later: it is
 *              dropped when ingest cannot take it. False for events (a job's lifecycle, readings),
 *              which are kept and retried in order on later ticks.
 */
public record IngestPost(String path, byte[] body, int items, boolean live) {

    public static final String AIRCRAFT = "/v1/aircraft";
    public static final String SENSOR_READINGS = "/v1/sensors/readings";
    public static final String DEVICE_LOCATIONS = "/v1/devices/locations";
    public static final String JOB_EVENTS = "/v1/jobs/events";
    public static final String WORKER_EVENTS = "/v1/workers/events";
    /** NGSI v2 batch update; it answers 204 without a receipt. */
    public static final String ENTITY_BATCH = "/v2/op/update";

    /** A batch endpoint's body, {@code {"<field>": [ … ]}}. */
    public static IngestPost batch(String path, String field, List<?> items) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(field, items);
        return new IngestPost(path, Json.encode(body), items.size(), false);
    }

    /** A receiver's {@code aircraft.json}. */
    public static IngestPost aircraftJson(byte[] document, int aircraft) {
        return new IngestPost(AIRCRAFT, document, aircraft, true);
    }
}
