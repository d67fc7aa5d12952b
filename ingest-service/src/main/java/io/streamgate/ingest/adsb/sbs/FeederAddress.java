package io.streamgate.ingest.adsb.sbs;

/** A feeder's {@code host:port}; IPv6 literals in brackets, as in {@code [::1]:30003}. */
public record FeederAddress(String host, int port) {

    public static FeederAddress parse(String text) {
        String value = text.strip();
        int colon = value.lastIndexOf(':');
        if (colon <= 0 || colon == value.length() - 1) {
            throw invalid(value);
        }
        String host = value.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.contains(":")) {
            throw invalid(value);
        }
        int port;
        try {
            port = Integer.parseInt(value.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw invalid(value);
        }
        if (host.isBlank() || port < 1 || port > 65_535) {
            throw invalid(value);
        }
        return new FeederAddress(host, port);
    }

    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    private static IllegalArgumentException invalid(String value) {
        return new IllegalArgumentException("streamgate.ingest.adsb.sbs.feeders: '" + value + "' is not host:port");
    }
}
