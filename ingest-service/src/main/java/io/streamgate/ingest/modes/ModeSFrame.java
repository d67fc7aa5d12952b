package io.streamgate.ingest.modes;

/**
 * One decoded Mode S / ADS-B frame: a mutable flyweight the decoder fills in place, so decoding
 * allocates nothing. Fields are public for the hot path; a field is meaningful only when its
 * {@code …Valid} flag (or the type code) says so, and {@link #reset()} clears the flags for the next
 * frame. Holders copy what they keep: the next {@code decode} overwrites everything.
 */
public final class ModeSFrame {

    /** Six-bit ADS-B identification characters; '#' is not a legal character. */
    private static final char[] CHARSET =
            "#ABCDEFGHIJKLMNOPQRSTUVWXYZ##### ###############0123456789######".toCharArray();

    // -- reception
    /** The frame bytes, corrected when {@link #correctedBit} is set (7 or 14 used). */
    public final byte[] bytes = new byte[14];
    public int length;
    /** Receiver 12 MHz counter (Beast, AVR {@code @}); 0 when the input has none. */
    public long timestamp12MHz;
    /** Beast signal level byte (0–255); -1 when the input has none. */
    public int signal;

    // -- link layer
    public int df;
    /** The 24-bit address: in clear (DF11/17/18) or recovered from the parity. */
    public int address;
    /** True when the address came out of the parity and was confirmed by the ICAO filter. */
    public boolean addressFromParity;
    /** True for a DF18 whose address is not an ICAO address (anonymous, TIS-B / ADS-R track file). */
    public boolean nonIcao;
    /** The bit (0 = first) that CRC correction flipped; -1 when the frame arrived intact. */
    public int correctedBit;
    /** Capability (DF11/17) or control field (DF18). */
    public int ca;
    /** Interrogator code of a DF11 (0 for a spontaneous squitter). */
    public int interrogator;
    /** Flight status (DF4/5/20/21); -1 otherwise. */
    public int flightStatus;
    /** True when the frame says the aircraft is on the ground (FS, CA, VS or a surface position). */
    public boolean onGroundKnown;
    public boolean onGround;

    // -- ADS-B extended squitter
    /** ADS-B type code (DF17/18 ME bits 1–5); 0 when the frame is not an extended squitter. */
    public int typeCode;
    public int subtype;

    public boolean callsignValid;
    public final char[] callsign = new char[8];
    public int callsignLength;
    /** Emitter category set 'A'–'D' (TC 4 to 1) and category 0–7. */
    public char categorySet;
    public int category;

    public boolean altitudeValid;
    public int altitudeFt;
    /** True when {@link #altitudeFt} is GNSS height (TC 20–22), false for barometric. */
    public boolean altitudeGnss;

    public boolean cprValid;
    public boolean cprOdd;
    public boolean cprSurface;
    public int cprLat;
    public int cprLon;
    /** Navigation integrity category from the type code where that alone decides it; -1 otherwise. */
    public int nic;

    /** Ground speed in knots: surface movement, or velocity subtypes 1–2. */
    public boolean groundSpeedValid;
    public double groundSpeedKt;
    /** Track over ground in degrees: surface track, or velocity subtypes 1–2. */
    public boolean trackValid;
    public double trackDeg;
    public boolean airspeedValid;
    public int airspeedKt;
    public boolean airspeedTrue;
    public boolean headingValid;
    public double headingDeg;
    public boolean verticalRateValid;
    public int verticalRateFpm;
    /** Source of the vertical rate: true barometric, false GNSS. */
    public boolean verticalRateBaro;
    public boolean gnssBaroDiffValid;
    public int gnssBaroDiffFt;

    /** Mode A code in the {@code 0xABCD} layout (hex digits are the octal squawk digits). */
    public boolean squawkValid;
    public int squawk;
    /** TC28 emergency state 0–7 (0 none, 1 general, 2 lifeguard, 3 minfuel, 4 nordo, 5 unlawful, 6 downed). */
    public int emergencyState;

    // -- TC29 target state and status (version 2)
    public boolean selectedAltitudeValid;
    public int selectedAltitudeFt;
    /** True when the selected altitude is the FMS's, false the MCP/FCU's. */
    public boolean selectedAltitudeFms;
    public boolean baroSettingValid;
    public double baroSettingHpa;
    public boolean selectedHeadingValid;
    public double selectedHeadingDeg;
    public boolean modesValid;
    public boolean autopilot;
    public boolean vnav;
    public boolean altitudeHold;
    public boolean approach;
    public boolean lnav;
    public boolean tcasOperational;

    // -- TC31 operational status, TC29 and TC31 accuracy
    public int adsbVersion = -1;
    public int nacp = -1;
    public int sil = -1;
    public int nicSupplementA = -1;
    public int silSupplement = -1;
    public int gva = -1;

    // -- ACAS resolution advisory (DF16/DF20 BDS 3,0, TC28 subtype 2)
    public boolean raValid;
    /** Active resolution advisories, 14 bits. */
    public int ara;
    /** RA complements, 4 bits. */
    public int rac;
    public boolean raTerminated;
    public boolean multipleThreats;
    /** Threat type indicator: 0 none, 1 ICAO address, 2 altitude/range/bearing. */
    public int threatType;
    public int threatAddress;

    /** Clears the validity flags; the decoder calls it before every frame. */
    public void reset() {
        length = 0;
        timestamp12MHz = 0;
        signal = -1;
        df = -1;
        address = 0;
        addressFromParity = false;
        nonIcao = false;
        correctedBit = -1;
        ca = 0;
        interrogator = 0;
        flightStatus = -1;
        onGroundKnown = false;
        onGround = false;
        typeCode = 0;
        subtype = 0;
        callsignValid = false;
        callsignLength = 0;
        categorySet = 0;
        category = 0;
        altitudeValid = false;
        altitudeGnss = false;
        cprValid = false;
        nic = -1;
        groundSpeedValid = false;
        trackValid = false;
        airspeedValid = false;
        headingValid = false;
        verticalRateValid = false;
        gnssBaroDiffValid = false;
        squawkValid = false;
        emergencyState = 0;
        selectedAltitudeValid = false;
        baroSettingValid = false;
        selectedHeadingValid = false;
        modesValid = false;
        adsbVersion = -1;
        nacp = -1;
        sil = -1;
        nicSupplementA = -1;
        silSupplement = -1;
        gva = -1;
        raValid = false;
        threatType = 0;
        threatAddress = 0;
    }

    /** Sets the callsign from eight six-bit characters, dropping padding; false when one is illegal. */
    boolean setCallsign(long fortyEightBits) {
        int length = 0;
        for (int i = 0; i < 8; i++) {
            char c = CHARSET[(int) (fortyEightBits >>> (42 - 6 * i)) & 0x3F];
            if (c == '#') {
                return false;
            }
            callsign[length++] = c;
        }
        while (length > 0 && callsign[length - 1] == ' ') {
            length--;
        }
        callsignLength = length;
        callsignValid = length > 0;
        return true;
    }

    /** The callsign as text (allocates: for the assembler, not the decoder). */
    public String callsignText() {
        return callsignValid ? new String(callsign, 0, callsignLength) : null;
    }

    /** The squawk as four octal digits (allocates). */
    public String squawkText() {
        return squawkValid ? String.format("%04x", squawk) : null;
    }

    /** The address as six lower-case hex digits, {@code ~} first for a non-ICAO address (allocates). */
    public String hex() {
        String hex = String.format("%06x", address);
        return nonIcao ? "~" + hex : hex;
    }

    /** The frame bytes as lower-case hex (allocates): for logs and tests. */
    public String bytesHex() {
        StringBuilder text = new StringBuilder(length * 2);
        for (int i = 0; i < length; i++) {
            text.append(Character.forDigit((bytes[i] >>> 4) & 0xF, 16)).append(Character.forDigit(bytes[i] & 0xF, 16));
        }
        return text.toString();
    }
}
