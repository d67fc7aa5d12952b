package io.streamgate.devstack;

import java.nio.file.Files;
import java.nio.file.Path;

/** The project's reference data in {@code shared/}, which sits beside the checkout (in CI too). */
public final class SharedData {

    private SharedData() {
    }

    /** @param relative a path under {@code shared/data}, such as {@code adsb/dump1090-fa-aircraft.json} */
    public static Path file(String relative) {
        Path file = Stack.repositoryRoot().resolveSibling("shared").resolve("data").resolve(relative);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("missing reference data " + file + " (shared/ must sit beside the checkout)");
        }
        return file;
    }
}
