package io.streamgate.platform.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class TenantRatesTest {

    private final AtomicLong now = new AtomicLong();
    private final TenantRates rates = new TenantRates(10, 3, now::get);

    @Test
    void aBurstIsAdmittedThenTheRateRefillsIt() {
        for (int i = 0; i < 3; i++) {
            assertTrue(rates.tryAcquire("a"), "permit " + i + " of the burst");
        }
        assertFalse(rates.tryAcquire("a"));
        assertEquals(Duration.ofSeconds(1), rates.retryAfter("a"));
        now.addAndGet(Duration.ofMillis(100).toNanos());
        assertTrue(rates.tryAcquire("a"), "10 a second: one permit back after 100 ms");
        assertFalse(rates.tryAcquire("a"));
    }

    @Test
    void oneTenantEmptyingItsBucketLeavesAnotherFull() {
        while (rates.tryAcquire("flood")) {
            // empties the flooding tenant's bucket
        }
        for (int i = 0; i < 3; i++) {
            assertTrue(rates.tryAcquire("quiet"));
        }
    }

    @Test
    void aLongPauseRefillsNoMoreThanTheBurst() {
        now.addAndGet(Duration.ofHours(1).toNanos());
        int admitted = 0;
        while (rates.tryAcquire("a")) {
            admitted++;
        }
        assertEquals(3, admitted);
    }

    @Test
    void aRateOfZeroIsOff() {
        TenantRates off = new TenantRates(0, 0, now::get);
        for (int i = 0; i < 1000; i++) {
            assertTrue(off.tryAcquire("a"));
        }
    }
}
