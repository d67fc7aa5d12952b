package io.streamgate.ingest.adsb.poll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

class ReceiverUrlTest {

    @Test
    void credentialsAreSentButNeverShown() {
        ReceiverUrl url = ReceiverUrl.parse("http://feeder:s3cr%40t@piaware.local:8080/skyaware/data/aircraft.json"
                + "?token=abc", 0);

        assertEquals("http://piaware.local:8080/skyaware/data/aircraft.json", url.display());
        assertEquals(url.display(), url.toString(), "what logs print");
        assertEquals(URI.create("http://piaware.local:8080/skyaware/data/aircraft.json?token=abc"), url.request());
        assertEquals("Basic " + Base64.getEncoder().encodeToString("feeder:s3cr@t".getBytes(StandardCharsets.UTF_8)),
                url.authorization().orElseThrow());
    }

    @Test
    void aUrlWithoutCredentialsSendsNone() {
        assertFalse(ReceiverUrl.parse("https://tar1090.example/data/aircraft.json", 0).authorization().isPresent());
    }

    @Test
    void anUnusableUrlIsRefusedWithoutEchoingIt() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ReceiverUrl.parse("ftp://user:hunter2@host/aircraft.json", 2));
        assertFalse(error.getMessage().contains("hunter2"), error.getMessage());
        assertEquals("streamgate.ingest.adsb.poll.urls[2] is not an absolute http(s) URL with a host",
                error.getMessage());
    }
}
