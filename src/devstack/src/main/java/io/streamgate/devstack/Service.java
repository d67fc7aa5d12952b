package io.streamgate.devstack;

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
}
