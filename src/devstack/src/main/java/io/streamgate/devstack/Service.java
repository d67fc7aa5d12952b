package io.streamgate.devstack;

import java.util.Arrays;
import java.util.List;

/** The four StreamGate services and the HTTP port each takes when the stack runs on fixed ports. */
public enum Service {
    GATEWAY("gateway-service", 8080, "-Xmx512m"),
    INGEST("ingest-service", 8081, "-Xmx256m"),
    SAFETY("safety-service", 8082, "-Xmx256m"),
    STATS("stats-service", 8083, "-Xmx256m");

    private final String module;
    private final int defaultPort;
    private final String heap;

    Service(String module, int defaultPort, String heap) {
        this.module = module;
        this.defaultPort = defaultPort;
        this.heap = heap;
    }

    /** The Maven module, which is also the Quarkus application name. */
    public String module() {
        return module;
    }

    public int defaultPort() {
        return defaultPort;
    }

    String heap() {
        return heap;
    }

    /**
     * Extra JVM options for this service's process from {@code -Dstreamgate.devstack.<module>.jvm-args}
     * (whitespace separated), placed after the defaults so that they win: a benchmark can raise one
     * service's heap or attach a profiler for one run without changing what every run gets.
     */
    List<String> extraJvmArgs() {
        String configured = System.getProperty(jvmArgsProperty(), "").strip();
        return configured.isEmpty() ? List.of() : Arrays.asList(configured.split("\\s+"));
    }

    /** The system property {@link #extraJvmArgs()} reads, e.g. {@code streamgate.devstack.gateway-service.jvm-args}. */
    public String jvmArgsProperty() {
        return "streamgate.devstack." + module + ".jvm-args";
    }
}
