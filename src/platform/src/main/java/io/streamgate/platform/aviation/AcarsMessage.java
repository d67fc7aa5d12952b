package io.streamgate.platform.aviation;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An ACARS or VDL Mode 2 datalink message ({@code acars.messages}, key: ICAO hex, else flight), in
 * SkySpy's {@code acars:message} spelling.
 *
 * @param source {@code ACARS} or {@code VDLM2}
 */
public record AcarsMessage(
        @JsonProperty("timestamp") Instant timestamp,
        @JsonProperty("source") String source,
        @JsonProperty("channel") Integer channel,
        @JsonProperty("frequency") String frequency,
        @JsonProperty("icao_hex") String icaoHex,
        @JsonProperty("registration") String registration,
        @JsonProperty("callsign") String callsign,
        @JsonProperty("label") String label,
        @JsonProperty("block_id") String blockId,
        @JsonProperty("msg_num") String msgNum,
        @JsonProperty("text") String text,
        @JsonProperty("decoded") Map<String, Object> decoded,
        @JsonProperty("signal_level") Double signalLevel) {

    /** The record key: the airframe when known, else the flight. */
    public String key() {
        return icaoHex != null ? icaoHex : callsign != null ? callsign : registration;
    }
}
