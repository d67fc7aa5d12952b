package io.streamgate.devstack;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The project's reference data in {@code data/} at the repository root (real ADS-B recordings with their
 * sources and licences in {@code data/adsb/README.md}): carried in the repository so a clone stands alone.
 */
public final class SharedData {

    private SharedData() {
    }

    /** @param relative a path under {@code data/}, such as {@code adsb/dump1090-fa-aircraft.json} */
    public static Path file(String relative) {
        Path file = Stack.repositoryRoot().resolve("data").resolve(relative);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("missing reference data " + file);
        }
        return file;
    }
}
