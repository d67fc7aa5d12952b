package io.streamgate.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The repository checkout this module sits in: the chart, and the services' sources the tests compare it with. */
final class Repository {

    static final List<String> SERVICES = List.of("ingest", "safety", "stats", "gateway");

    private static final Path ROOT = findRoot();

    private Repository() {
    }

    static Path chart() {
        return ROOT.resolve("k8s");
    }

    static Path productionValues() {
        return chart().resolve("examples/production-values.yaml");
    }

    /** {@code ingest} → {@code <root>/ingest-service}. */
    static Path module(String service) {
        return ROOT.resolve(service + "-service");
    }

    /** The defaults every service shares (ordinal 100). */
    static Path platformDefaults() {
        return ROOT.resolve("src/platform/src/main/resources/META-INF/microprofile-config.properties");
    }

    static Path serviceKit() {
        return ROOT.resolve("src/service-kit");
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every main Java source file under a module. */
    static List<Path> mainSources(Path module) {
        try (Stream<Path> files = Files.walk(module.resolve("src/main/java"))) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path findRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("k8s/Chart.yaml"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no k8s/Chart.yaml above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
