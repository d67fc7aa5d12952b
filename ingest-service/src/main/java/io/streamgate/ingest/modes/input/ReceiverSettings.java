package io.streamgate.ingest.modes.input;

import java.util.Optional;

import io.streamgate.ingest.adsb.sbs.FeederAddress;

/**
 * One configured receiver, validated.
 *
 * @param connect    the address to dial, or null when the receiver pushes to {@code listenPort}
 * @param lat        NaN when the receiver's position is not configured
 */
record ReceiverSettings(String name, RawFormat format, String tenant, double lat, double lon, FeederAddress connect,
        int listenPort, String listenHost) {

    static ReceiverSettings of(String name, RawConfig.Receiver receiver) {
        String prefix = "streamgate.ingest.raw.receivers." + name + ".";
        RawFormat format = RawFormat.parse(receiver.format(), prefix + "format");
        if (receiver.connect().isPresent() == receiver.listenPort().isPresent()) {
            throw new IllegalArgumentException(prefix + "connect or " + prefix + "listen-port: exactly one of them");
        }
        FeederAddress connect = null;
        if (receiver.connect().isPresent()) {
            try {
                connect = FeederAddress.parse(receiver.connect().get());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(prefix + "connect: '" + receiver.connect().get()
                        + "' is not host:port");
            }
        }
        int port = receiver.listenPort().orElse(0);
        if (receiver.listenPort().isPresent() && (port < 0 || port > 65_535)) {
            throw new IllegalArgumentException(prefix + "listen-port: " + port + " is not a port");
        }
        Optional<Double> lat = receiver.lat();
        Optional<Double> lon = receiver.lon();
        if (lat.isPresent() != lon.isPresent()) {
            throw new IllegalArgumentException(prefix + "lat and " + prefix + "lon go together");
        }
        if (lat.isPresent() && (!(Math.abs(lat.get()) <= 90) || !(Math.abs(lon.get()) <= 180))) {
            throw new IllegalArgumentException(prefix + "lat/lon: " + lat.get() + "," + lon.get() + " is off the globe");
        }
        if (receiver.tenant().isBlank()) {
            throw new IllegalArgumentException(prefix + "tenant must not be blank");
        }
        return new ReceiverSettings(name, format, receiver.tenant(), lat.orElse(Double.NaN), lon.orElse(Double.NaN),
                connect, port, receiver.listenHost());
    }
}
