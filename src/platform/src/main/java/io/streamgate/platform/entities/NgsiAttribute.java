package io.streamgate.platform.entities;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;

/**
 * One NGSI v2 attribute as StreamGate stores and announces it: {@code {"type": "Number", "value": 23.5}}.
 *
 * @param type  the NGSI attribute type ({@code Number}, {@code Text}, {@code Boolean}, {@code StructuredValue},
 *              {@code None} or any type the client chose)
 * @param value any JSON value; JSON {@code null} is a value in NGSI, so it is kept (never Java null)
 */
public record NgsiAttribute(
        @JsonProperty("type") String type,
        // The shared mapper leaves nulls out; an NGSI null value must still appear on the wire.
        @JsonProperty("value") @JsonInclude(JsonInclude.Include.ALWAYS) JsonNode value) {

    public NgsiAttribute {
        if (type == null || type.isEmpty()) {
            throw new IllegalArgumentException("an NGSI attribute needs a type");
        }
        value = value == null ? NullNode.getInstance() : value;
    }
}
