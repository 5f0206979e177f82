package org.regolancer.orchestrator.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.regolancer.orchestrator.books.ChannelBook;
import org.regolancer.orchestrator.pairing.ChannelId;
import org.regolancer.orchestrator.telegram.TelegramHtml;

/**
 * The report's "Channels" block: each channel refilled in the books' window, one line — refills, sats, fees paid,
 * fees earned forwarding out, earned ÷ paid (or "nothing paid") — sorted by fees paid, those that paid more than they
 * earned marked ⚠️, as many as fit the room left in the message and a "… and N more" line for the rest.
 */
public final class ChannelsBlock {

    /**
     * What the block shows: the channels' books, their names (a channel LNDg no longer lists shows its id), the
     * window in days, and whether LNDg's forwards and jobs were read (else only our own refills are in).
     */
    public record View(List<ChannelBook> books, Map<ChannelId, String> names, long days, boolean lndgRead) {
    }

    private ChannelsBlock() {
    }

    /** The block, at most {@code room} characters long (empty when not even its heading fits). */
    public static String render(View view, int room) {
        StringBuilder out = new StringBuilder();
        out.append("<b>Channels</b>, last ").append(view.days()).append(view.days() == 1 ? " day" : " days")
                .append(" (refills × sat · fees paid · earned out · earned ÷ paid, sat)");
        if (!view.lndgRead()) {
            out.append("\n<i>LNDg's forwards and rebalancer jobs not read yet: our refills only</i>");
        }
        List<ChannelBook> refilled = new ArrayList<>(view.books().stream().filter(b -> b.refills() > 0).toList());
        refilled.sort(Comparator.comparing(ChannelBook::paid).reversed()
                .thenComparing(Comparator.comparing(ChannelBook::refilled).reversed())
                .thenComparing(ChannelBook::channel));
        if (refilled.isEmpty()) {
            out.append("\nno channel refilled");
        }
        if (out.length() > room) {
            return "";
        }
        for (int i = 0; i < refilled.size(); i++) {
            String line = "\n" + line(refilled.get(i), view.names());
            int left = refilled.size() - i - 1;
            String more = left > 0 ? "\n… and " + left + " more" : "";
            if (out.length() + line.length() + more.length() > room) {
                String rest = "\n… and " + (refilled.size() - i) + " more";
                if (out.length() + rest.length() <= room) {
                    out.append(rest);
                }
                break;
            }
            out.append(line);
        }
        return out.toString();
    }

    static String line(ChannelBook book, Map<ChannelId, String> names) {
        String name = names.getOrDefault(book.channel(), "");
        StringBuilder line = new StringBuilder();
        if (book.unprofitable()) {
            line.append("⚠️ ");
        }
        line.append(TelegramHtml.escape(name.isBlank() ? book.channel().value() : name)).append(": ")
                .append(book.refills()).append(" × ").append(ReportText.compact(book.refilled().value())).append(" · ")
                .append(ReportText.feeCompact(book.paid().value())).append(" · ").append(ReportText.feeCompact(book.earned().value()))
                .append(" · ").append(ratio(book));
        if (book.unknownFeeRefills() > 0) {
            line.append(" · ").append(book.unknownFeeRefills()).append(" fees unknown");
        }
        return line.toString();
    }

    /** earned ÷ paid to two decimals ("0.81×"), or "nothing paid". */
    static String ratio(ChannelBook book) {
        if (book.paid().value() == 0) {
            return "nothing paid";
        }
        return BigDecimal.valueOf(book.earned().value()).divide(BigDecimal.valueOf(book.paid().value()), 2, RoundingMode.HALF_UP)
                .toPlainString() + "×";
    }
}
