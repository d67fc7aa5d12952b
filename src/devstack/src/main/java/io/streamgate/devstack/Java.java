package io.streamgate.devstack;

import java.nio.file.Path;

/** The JVM that runs devstack also runs its children. */
final class Java {

    private Java() {
    }

    static String executable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
