package io.streamgate.safety.aviation.pairs;

import io.streamgate.safety.aviation.geo.Sectors;

/**
 * The keys of pair detection: a sector of one tenant on the repartition topic, and an open episode of that sector
 * in the store. Tenants never meet in a pair, so the tenant is part of the sector key.
 */
final class PairKeys {

    /** Between the parts of a store key: a character no tenant, type or hex contains. */
    private static final char SEPARATOR = '\u0000';

    private PairKeys() {
    }

    /** {@code <tenant>/<row>:<column>}. */
    static String sector(String tenant, long sector) {
        return tenant + "/" + Sectors.name(sector);
    }

    /** The store key of one open episode of a sector: sector, type and both hexes. */
    static String episode(String sectorKey, String type, String hex, String hex2) {
        return sectorKey + SEPARATOR + type + SEPARATOR + hex + SEPARATOR + hex2;
    }

    /** The sector part of a store key. */
    static String sectorOf(String episodeKey) {
        int end = episodeKey.indexOf(SEPARATOR);
        if (end < 0) {
            throw new IllegalArgumentException("not an episode key");
        }
        return episodeKey.substring(0, end);
    }
}
