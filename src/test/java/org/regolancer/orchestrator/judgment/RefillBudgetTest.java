package org.regolancer.orchestrator.judgment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class RefillBudgetTest {

    @Test
    void aChannelThatEarnedNothingMaySpendItsAllowanceAndNoMore() {
        RefillBudget budget = new RefillBudget(100, 1_000_000);
        assertFalse(budget.spent(999_999, 0));
        assertTrue(budget.spent(1_000_000, 0), "at the allowance: spent");
        assertEquals(1, budget.remainingMsat(999_999, 0));
    }

    @Test
    void earningsRaiseTheBudgetByThePercent() {
        RefillBudget half = new RefillBudget(50, 1_000_000);
        assertEquals(1_000_000 + 2_000_000, half.allowedMsat(4_000_000), "50 % of 4,000 sat earned + 1,000 sat");
        assertFalse(half.spent(2_999_999, 4_000_000));
        assertTrue(half.spent(3_000_000, 4_000_000));
        assertEquals(1_000_000 + 12_000_000, new RefillBudget(300, 1_000_000).allowedMsat(4_000_000));
    }

    @Test
    void offSpendsWithoutLimit() {
        assertFalse(RefillBudget.OFF.on());
        assertFalse(RefillBudget.OFF.spent(Long.MAX_VALUE / 2, 0));
        assertEquals(OptionalLong.empty(), RefillBudget.OFF.maxPpm(0, 0, 100_000));
    }

    @Test
    void theRemainingBudgetCapsARunsPpmForItsAmount() {
        RefillBudget budget = new RefillBudget(100, 1_000_000);
        // 1,000 sat left for 100,000 sat: 10,000 ppm; 2.5 sat left: 25 ppm; 0.0999 sat: 0 ppm
        assertEquals(OptionalLong.of(10_000), budget.maxPpm(0, 0, 100_000));
        assertEquals(OptionalLong.of(25), budget.maxPpm(997_500, 0, 100_000));
        assertEquals(OptionalLong.of(0), budget.maxPpm(999_901, 0, 100_000));
        assertEquals(OptionalLong.of(0), budget.maxPpm(5_000_000, 0, 100_000), "overspent: nothing left");
    }
}
