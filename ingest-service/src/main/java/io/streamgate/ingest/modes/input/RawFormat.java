package io.streamgate.ingest.modes.input;

import java.util.Locale;

import io.streamgate.ingest.modes.framing.AvrFramer;
import io.streamgate.ingest.modes.framing.BeastFramer;
import io.streamgate.ingest.modes.framing.FrameSink;
import io.streamgate.ingest.modes.framing.Framer;

/** The raw stream formats, each with its framer and the CloudEvents source its positions are written under. */
public enum RawFormat {
    BEAST("/ingest/adsb/beast"),
    AVR("/ingest/adsb/avr");

    private final String source;

    RawFormat(String source) {
        this.source = source;
    }

    public String source() {
        return source;
    }

    public Framer framer(FrameSink sink) {
        return this == BEAST ? new BeastFramer(sink) : new AvrFramer(sink);
    }

    static RawFormat parse(String name, String property) {
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(property + ": '" + name + "' is not beast or avr");
        }
    }
}
