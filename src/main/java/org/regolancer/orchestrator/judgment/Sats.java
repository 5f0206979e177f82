package org.regolancer.orchestrator.judgment;

import java.math.BigDecimal;

/** msat as sats for a line of text: exact, without trailing zeros (1500 msat: "1.5"). */
final class Sats {

    private Sats() {
    }

    static String of(long msat) {
        return BigDecimal.valueOf(msat).movePointLeft(3).stripTrailingZeros().toPlainString();
    }
}
