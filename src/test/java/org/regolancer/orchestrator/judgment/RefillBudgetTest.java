package org.regolancer.orchestrator.judgment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.regolancer.orchestrator.ledger.Msat;
import org.regolancer.orchestrator.ledger.Ppm;
import org.regolancer.orchestrator.ledger.Sat;

class RefillBudgetTest {

    private static Msat msat(long value) {
        return Msat.of(value);
    }

    @Test
    void aChannelThatEarnedNothingMaySpendItsAllowanceAndNoMore() {
        RefillBudget budget = new RefillBudget(100, msat(1_000_000));
        assertFalse(budget.spent(msat(999_999), Msat.ZERO));
        assertTrue(budget.spent(msat(1_000_000), Msat.ZERO), "at the allowance: spent");
        assertEquals(msat(1), budget.remaining(msat(999_999), Msat.ZERO));
    }

    @Test
    void earningsRaiseTheBudgetByThePercent() {
        RefillBudget half = new RefillBudget(50, msat(1_000_000));
        assertEquals(msat(1_000_000 + 2_000_000), half.allowed(msat(4_000_000)), "50 % of 4,000 sat earned + 1,000 sat");
        assertFalse(half.spent(msat(2_999_999), msat(4_000_000)));
        assertTrue(half.spent(msat(3_000_000), msat(4_000_000)));
        assertEquals(msat(1_000_000 + 12_000_000), new RefillBudget(300, msat(1_000_000)).allowed(msat(4_000_000)));
    }

    @Test
    void offSpendsWithoutLimit() {
        assertFalse(RefillBudget.OFF.on());
        assertFalse(RefillBudget.OFF.spent(msat(Long.MAX_VALUE / 2), Msat.ZERO));
        assertEquals(Optional.empty(), RefillBudget.OFF.maxPpm(Msat.ZERO, Msat.ZERO, Sat.of(100_000)));
    }

    @Test
    void theRemainingBudgetCapsARunsPpmForItsAmount() {
        RefillBudget budget = new RefillBudget(100, msat(1_000_000));
        // 1,000 sat left for 100,000 sat: 10,000 ppm; 2.5 sat left: 25 ppm; 0.0999 sat: 0 ppm
        Sat amount = Sat.of(100_000);
        assertEquals(Optional.of(Ppm.of(10_000)), budget.maxPpm(Msat.ZERO, Msat.ZERO, amount));
        assertEquals(Optional.of(Ppm.of(25)), budget.maxPpm(msat(997_500), Msat.ZERO, amount));
        assertEquals(Optional.of(Ppm.of(0)), budget.maxPpm(msat(999_901), Msat.ZERO, amount));
        assertEquals(Optional.of(Ppm.of(0)), budget.maxPpm(msat(5_000_000), Msat.ZERO, amount), "overspent: nothing left");
    }
}
