package io.streamgate.ingest.adsb.sbs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void delaysDoubleUpToTheMaximumAndStartOverAfterASuccess() {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(5));
        assertEquals(Duration.ofSeconds(1), backoff.next());
        assertEquals(Duration.ofSeconds(2), backoff.next());
        assertEquals(Duration.ofSeconds(4), backoff.next());
        assertEquals(Duration.ofSeconds(5), backoff.next());
        assertEquals(Duration.ofSeconds(5), backoff.next());

        backoff.reset();
        assertEquals(Duration.ofSeconds(1), backoff.next());
    }

    @Test
    void aMaximumBelowTheInitialDelayIsAConfigurationError() {
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ofSeconds(10), Duration.ofSeconds(1)));
    }

    @Test
    void feederAddressesAreHostAndPort() {
        assertEquals(new FeederAddress("piaware.local", 30003), FeederAddress.parse(" piaware.local:30003 "));
        assertEquals(new FeederAddress("::1", 30003), FeederAddress.parse("[::1]:30003"));
        assertEquals("[::1]:30003", FeederAddress.parse("[::1]:30003").toString());
        assertThrows(IllegalArgumentException.class, () -> FeederAddress.parse("piaware.local"));
        assertThrows(IllegalArgumentException.class, () -> FeederAddress.parse("piaware.local:70000"));
    }
}
