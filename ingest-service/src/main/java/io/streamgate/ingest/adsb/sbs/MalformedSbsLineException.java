package io.streamgate.ingest.adsb.sbs;

/** A line that claims to be an SBS {@code MSG} but cannot be read; the message says which field is wrong. */
public class MalformedSbsLineException extends Exception {

    public MalformedSbsLineException(String message) {
        super(message, null, false, false);
    }
}
