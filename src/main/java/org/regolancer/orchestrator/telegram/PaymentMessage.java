package org.regolancer.orchestrator.telegram;

import java.math.BigDecimal;
import java.util.Locale;
import org.regolancer.orchestrator.ledger.Payment;

/** The Telegram text for one payment, in Telegram's HTML parse mode, with the aliases escaped. */
public final class PaymentMessage {

    public static final String PARSE_MODE = "HTML";

    private PaymentMessage() {
    }

    public static String html(Payment payment) {
        return "⚖️ <b>Rebalanced " + sats(payment.amountSat()) + " sat</b>\n"
                + escape(payment.sourceName()) + " → " + escape(payment.targetName()) + "\n"
                + "fee " + feeSat(payment.feeMsat()) + " sat · " + payment.feePpm() + " ppm";
    }

    /** One plain line for the log: the same facts, no markup. */
    public static String logLine(Payment payment) {
        return "Rebalanced " + sats(payment.amountSat()) + " sat " + payment.sourceName() + " (" + payment.source()
                + ") → " + payment.targetName() + " (" + payment.target() + "), fee " + feeSat(payment.feeMsat())
                + " sat, " + payment.feePpm() + " ppm";
    }

    /** Escapes text for Telegram's HTML mode: {@code &}, {@code <}, {@code >} (quotes are plain text there). */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    static String sats(long sats) {
        return String.format(Locale.ROOT, "%,d", sats);
    }

    static String feeSat(long msat) {
        return BigDecimal.valueOf(msat, 3).stripTrailingZeros().toPlainString();
    }
}
