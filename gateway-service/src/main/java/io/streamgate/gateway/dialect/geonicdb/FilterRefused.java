package io.streamgate.gateway.dialect.geonicdb;

/** A filter the client asked for and cannot have; the message tells the client why. */
final class FilterRefused extends Exception {

    FilterRefused(String message) {
        super(message, null, false, false);
    }
}
