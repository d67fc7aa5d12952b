package io.streamgate.ingest.modes;

/** What {@link ModeSDecoder#decode} made of a frame. */
public enum DecodeResult {
    /** Decoded; the frame's fields are valid. */
    ACCEPTED,
    /** Decoded after flipping the one bit {@link ModeSFrame#correctedBit} names. */
    CORRECTED,
    /** The length does not match the downlink format (56 or 112 bits). */
    BAD_LENGTH,
    /** The parity does not check (and no allowed correction repairs it). */
    BAD_CRC,
    /** The address recovered from the parity was not heard in clear recently: a likely phantom. */
    UNKNOWN_ADDRESS,
    /** A downlink format the decoder does not read (DF19 military, DF24 Comm-D, reserved formats). */
    UNSUPPORTED;

    /** True for the results whose frame fields are valid. */
    public boolean decoded() {
        return this == ACCEPTED || this == CORRECTED;
    }
}
