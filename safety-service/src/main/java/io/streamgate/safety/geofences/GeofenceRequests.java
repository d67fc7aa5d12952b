package io.streamgate.safety.geofences;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;

import io.streamgate.platform.devices.GeoPoint;
import io.streamgate.platform.devices.GeofenceDefinition;
import io.streamgate.platform.json.Json;
import io.streamgate.safety.sensors.RequestBody;

/**
 * Turns an API body into a {@link GeofenceDefinition}, naming every bad field: exactly one of a circle
 * ({@code center} + {@code radius_m}) or a GeoJSON Polygon ({@code geometry}) with one closed ring (holes are
 * not supported) of at least 4 and at most {@code max-vertices} positions, longitudes in [-180, 180] and
 * latitudes in [-90, 90].
 */
final class GeofenceRequests {

    private GeofenceRequests() {
    }

    /** @param existing the fence a PUT replaces (its id and creation time are kept), or null for a POST */
    static GeofenceDefinition fromBody(byte[] json, GeofenceDefinition existing, GeofencesConfig config, Instant now) {
        RequestBody body = RequestBody.parse(json);
        String name = body.text("name", true, config.maxNameLength());
        Boolean active = body.bool("active");
        Map<String, Object> metadata = metadata(body, config);
        GeoPoint center = null;
        Double radius = null;
        GeofenceDefinition.Polygon polygon = null;
        boolean circle = body.has("center") || body.has("radius_m");
        if (circle && body.has("geometry")) {
            body.problem("/geometry", "give either center and radius_m (a circle) or geometry (a Polygon), not both");
        } else if (circle) {
            center = center(body);
            radius = body.number("radius_m", true);
            if (radius != null && (radius <= 0 || radius > config.maxRadiusM())) {
                body.problem("/radius_m", "must be more than 0 and at most " + config.maxRadiusM() + " metres");
            }
        } else if (body.has("geometry")) {
            polygon = polygon(body, config);
        } else {
            body.problem("/geometry", "a geofence needs center and radius_m (a circle) or geometry (a Polygon)");
        }
        body.requireValid("geofence");
        return new GeofenceDefinition(existing == null ? UUID.randomUUID().toString() : existing.id(), name,
                active == null || active, center, radius, polygon, metadata,
                existing == null ? now : existing.createdAt(), now);
    }

    private static Map<String, Object> metadata(RequestBody body, GeofencesConfig config) {
        JsonNode node = body.root().get("metadata");
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            body.problem("/metadata", "must be a JSON object");
            return null;
        }
        if (Json.encode(node).length > config.maxMetadataBytes()) {
            body.problem("/metadata", "must be at most " + config.maxMetadataBytes() + " bytes of JSON");
            return null;
        }
        return Json.mapper().convertValue(node, new TypeReference<Map<String, Object>>() {
        });
    }

    private static GeoPoint center(RequestBody body) {
        JsonNode node = body.root().get("center");
        if (node == null || node.isNull()) {
            body.problem("/center", "is required with radius_m");
            return null;
        }
        if (!node.isObject()) {
            body.problem("/center", "must be an object {latitude, longitude}");
            return null;
        }
        Double lat = coordinate(body, node.get("latitude"), "/center/latitude", 90);
        Double lon = coordinate(body, node.get("longitude"), "/center/longitude", 180);
        return lat == null || lon == null ? null : new GeoPoint(lat, lon);
    }

    private static Double coordinate(RequestBody body, JsonNode node, String pointer, double limit) {
        if (node == null || !node.isNumber()) {
            body.problem(pointer, "must be a number");
            return null;
        }
        double value = node.asDouble();
        if (!Double.isFinite(value) || value < -limit || value > limit) {
            body.problem(pointer, "must be from " + -limit + " to " + limit);
            return null;
        }
        return value;
    }

    private static GeofenceDefinition.Polygon polygon(RequestBody body, GeofencesConfig config) {
        JsonNode geometry = body.root().get("geometry");
        if (!geometry.isObject()) {
            body.problem("/geometry", "must be a GeoJSON Polygon object");
            return null;
        }
        JsonNode type = geometry.get("type");
        if (type == null || !"Polygon".equals(type.asText())) {
            body.problem("/geometry/type", "must be \"Polygon\"");
        }
        JsonNode rings = geometry.get("coordinates");
        if (rings == null || !rings.isArray() || rings.isEmpty()) {
            body.problem("/geometry/coordinates", "must be an array holding one linear ring");
            return null;
        }
        if (rings.size() > 1) {
            body.problem("/geometry/coordinates", "polygons with holes are not supported: give one ring");
            return null;
        }
        JsonNode ring = rings.get(0);
        String ringPointer = "/geometry/coordinates/0";
        if (!ring.isArray() || ring.size() < 4) {
            body.problem(ringPointer, "a linear ring needs at least 4 positions (the last equal to the first)");
            return null;
        }
        if (ring.size() > config.maxVertices()) {
            body.problem(ringPointer, "must have at most " + config.maxVertices() + " positions");
            return null;
        }
        List<List<Double>> positions = new ArrayList<>(ring.size());
        boolean valid = true;
        for (int i = 0; i < ring.size(); i++) {
            JsonNode position = ring.get(i);
            String pointer = ringPointer + "/" + i;
            if (!position.isArray() || position.size() < 2 || position.size() > 3) {
                body.problem(pointer, "must be a position [longitude, latitude]");
                valid = false;
                continue;
            }
            Double lon = coordinate(body, position.get(0), pointer + "/0", 180);
            Double lat = coordinate(body, position.get(1), pointer + "/1", 90);
            if (lon == null || lat == null) {
                valid = false;
                continue;
            }
            positions.add(List.of(lon, lat));
        }
        if (!valid) {
            return null;
        }
        if (!positions.get(0).equals(positions.get(positions.size() - 1))) {
            body.problem(ringPointer, "the ring is not closed: the last position must equal the first");
            return null;
        }
        return new GeofenceDefinition.Polygon("Polygon", List.of(List.copyOf(positions)));
    }
}
