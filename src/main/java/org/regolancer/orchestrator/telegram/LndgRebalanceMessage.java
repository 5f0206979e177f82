package org.regolancer.orchestrator.telegram;

import org.regolancer.orchestrator.ledger.Msat;

/**
 * The Telegram text for one rebalance LNDg's own auto-rebalancer completed, marked as LNDg's (ours say "Rebalanced"
 * with both channels), in Telegram's HTML parse mode with the alias escaped: the amount, the target, the fee and ppm.
 */
public final class LndgRebalanceMessage {

    private LndgRebalanceMessage() {
    }

    /** @param feeMsat null where LNDg did not record the fee (older LNDg) */
    public static String html(long valueSat, String targetName, Long feeMsat, Long feePpm) {
        return "☯️ <b>LNDg rebalanced " + TelegramHtml.sats(valueSat) + " sat</b>\n"
                + "→ " + TelegramHtml.escape(targetName) + "\n"
                + (feeMsat == null ? "fee not reported" : "fee " + Msat.asSats(feeMsat) + " sat · " + feePpm + " ppm");
    }
}
