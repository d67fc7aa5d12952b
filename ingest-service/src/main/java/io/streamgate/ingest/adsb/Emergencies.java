package io.streamgate.ingest.adsb;

import java.util.Optional;

/** The ADS-B {@code emergency} values (readsb spelling) implied by the three emergency squawks. */
public final class Emergencies {

    public static final String NONE = "none";
    public static final String GENERAL = "general";
    public static final String NORDO = "nordo";
    public static final String UNLAWFUL = "unlawful";

    private Emergencies() {
    }

    /** 7500 hijack → unlawful, 7600 radio failure → nordo, 7700 → general; nothing for other codes. */
    public static Optional<String> fromSquawk(String squawk) {
        if (squawk == null) {
            return Optional.empty();
        }
        return switch (squawk) {
            case "7500" -> Optional.of(UNLAWFUL);
            case "7600" -> Optional.of(NORDO);
            case "7700" -> Optional.of(GENERAL);
            default -> Optional.empty();
        };
    }

    /**
     * The emergency to publish: what the feed reported, unless it reported nothing (or {@code none})
     * while the aircraft squawks an emergency code. A Mode S-only transponder has no ADS-B emergency
     * status to report, and consumers filter on {@code emergency}, not on squawks.
     */
    public static String resolve(String reported, String squawk) {
        if (reported != null && !NONE.equals(reported)) {
            return reported;
        }
        return fromSquawk(squawk).orElse(reported);
    }
}
