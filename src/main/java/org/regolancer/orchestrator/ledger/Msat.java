package org.regolancer.orchestrator.ledger;

import java.math.BigDecimal;

/** A fee kept in msat, written as sats for a line of text. */
public final class Msat {

    private Msat() {
    }

    /** Exact, without trailing zeros: 17578 msat is "17.578", 1500 is "1.5", 2000000 is "2000". */
    public static String asSats(long msat) {
        return BigDecimal.valueOf(msat, 3).stripTrailingZeros().toPlainString();
    }
}
