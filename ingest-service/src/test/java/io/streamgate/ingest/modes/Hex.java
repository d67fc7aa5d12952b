package io.streamgate.ingest.modes;

import java.util.HexFormat;

/** Hex frames of the test vectors as bytes. */
final class Hex {

    private Hex() {
    }

    static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex);
    }
}
