package org.regolancer.orchestrator.telegram;

import org.regolancer.orchestrator.ledger.Payment;

/** The Telegram text for one payment, in Telegram's HTML parse mode, with the aliases escaped. */
public final class PaymentMessage {

    private PaymentMessage() {
    }

    public static String html(Payment payment) {
        return "⚖️ <b>Rebalanced " + TelegramHtml.sats(payment.amountSat().value()) + " sat</b>\n"
                + TelegramHtml.escape(payment.sourceName()) + " → " + TelegramHtml.escape(payment.targetName()) + "\n"
                + "fee " + payment.fee().asSats() + " sat · " + payment.feePpm().value() + " ppm";
    }

    /** One plain line for the log: the same facts, no markup. */
    public static String logLine(Payment payment) {
        return "Rebalanced " + TelegramHtml.sats(payment.amountSat().value()) + " sat " + payment.sourceName() + " (" + payment.source()
                + ") → " + payment.targetName() + " (" + payment.target() + "), fee " + payment.fee().asSats()
                + " sat, " + payment.feePpm().value() + " ppm";
    }
}
