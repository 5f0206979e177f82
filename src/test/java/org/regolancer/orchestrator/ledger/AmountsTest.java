package org.regolancer.orchestrator.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class AmountsTest {

    @Test
    void msatAndSatAreNotTheSameNumberAndConvertOnlyOnPurpose() {
        assertNotEquals(Msat.of(1000), Sat.of(1000).msat(), "1000 sat is a million msat");
        assertEquals(Msat.of(1_000_000), Sat.of(1000).msat());
        assertEquals(Sat.of(1999), Msat.of(1_999_999).wholeSats(), "the msat below a sat dropped, as LND does");
        assertEquals(Msat.of(17_578), Msat.of(17_000).plus(Msat.of(578)));
        assertEquals("17.578", Msat.of(17_578).asSats());
        assertEquals("17578 msat", Msat.of(17_578).toString());
        assertThrows(ArithmeticException.class, () -> Sat.of(Long.MAX_VALUE / 100).msat());
    }

    @Test
    void aFeeRateIsThePartsPerMillionOfTheAmountToTheNearestPpm() {
        assertEquals(Ppm.of(123), Ppm.of(Msat.of(12_345), Sat.of(100_000)), "123.45 ppm");
        assertEquals(Ppm.of(124), Ppm.of(Msat.of(12_350), Sat.of(100_000)), "123.5 rounds up");
        assertEquals(Ppm.of(0), Ppm.of(Msat.of(500), Sat.ZERO), "nothing moved: 0, not a division by zero");
    }
}
