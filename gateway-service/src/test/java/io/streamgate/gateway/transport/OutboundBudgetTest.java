package io.streamgate.gateway.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.LongAdder;

import org.junit.jupiter.api.Test;

class OutboundBudgetTest {

    @Test
    void aSessionHoldsAtMostItsLimitButAlwaysTakesOneFrame() {
        LongAdder all = new LongAdder();
        OutboundBudget budget = new OutboundBudget(1_000, 1_000_000, all);
        assertTrue(budget.reserve(5_000), "one frame fits an idle session, however large");
        assertFalse(budget.reserve(1), "nothing more until it drains");
        budget.release(5_000);
        assertTrue(budget.reserve(600));
        assertTrue(budget.backedUp(), "past half its limit");
        assertFalse(budget.reserve(600));
        assertEquals(600, all.sum());
    }

    @Test
    void allSessionsTogetherHoldAtMostTheGatewayCap() {
        LongAdder all = new LongAdder();
        OutboundBudget first = new OutboundBudget(10_000, 15_000, all);
        OutboundBudget second = new OutboundBudget(10_000, 15_000, all);
        OutboundBudget third = new OutboundBudget(10_000, 15_000, all);
        assertTrue(first.reserve(8_000));
        assertTrue(second.reserve(7_000));
        assertFalse(third.reserve(1_000), "an idle session is refused too once the cap is reached");
        first.release(8_000);
        assertTrue(third.reserve(1_000), "and served again once others drain");
        assertEquals(8_000, all.sum());
    }
}
