package org.regolancer.orchestrator.check;

import org.regolancer.orchestrator.ledger.Msat;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.regolancer.orchestrator.ops.UntrustedText;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.Map;
import org.regolancer.orchestrator.books.ChannelBook;
import org.regolancer.orchestrator.judgment.FeeCap;
import org.regolancer.orchestrator.judgment.RefillBudget;
import org.regolancer.orchestrator.pairing.ChannelId;
import org.regolancer.orchestrator.judgment.FeePolicy;
import org.regolancer.orchestrator.pairing.Channel;
import org.regolancer.orchestrator.pairing.Exclusions;

/**
 * Every open channel with the role the daemon gives it now (source, target, neither) and why: LNDg's rules, a source's
 * margin above its target, the regolancer template's own exclusions, the HTLC guard, LNDg's fee cap. For {@code check};
 * the daemon itself decides with the same classes.
 */
public final class PairingTable {

    public enum Role { SOURCE, TARGET, NEITHER }

    public record Row(Channel channel, Role role, String why) {
    }

    private PairingTable() {
    }

    /**
     * With a refill budget on, each target's row says what it paid, earned and may spend over the books' window.
     *
     * @param template     what the regolancer template rules out as source or target
     * @param minAmountSat the smallest run (the template's min_amount, or regolancer's floor): a source with less margin
     *                     above its target is not paired
     */
    public static List<Row> rows(Collection<Channel> channels, Collection<String> excluded, Exclusions template,
            long minAmountSat, FeePolicy feePolicy, int maxPendingHtlcs, long arMaxFeeRate, Map<ChannelId, ChannelBook> books,
            RefillBudget budget) {
        Set<String> excludedIds = excluded.stream().map(id -> id.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        List<Row> rows = new ArrayList<>();
        for (Channel c : channels) {
            if (!c.open()) {
                continue;
            }
            Row row = row(c, excludedIds, template, minAmountSat, feePolicy, maxPendingHtlcs, arMaxFeeRate);
            if (row.role() == Role.TARGET && budget.on()) {
                ChannelBook book = books.getOrDefault(c.id(), ChannelBook.empty(c.id()));
                Msat paid = book.paid();
                Msat earned = book.earned();
                row = new Row(c, row.role(), row.why() + "; refills paid " + paid.asSats() + " / earned "
                        + earned.asSats() + " / allowed " + budget.allowed(earned).asSats() + " sat"
                        + (budget.spent(paid, earned) ? " (over budget: not run)" : ""));
            }
            rows.add(row);
        }
        return rows;
    }

    private static Row row(Channel c, Set<String> excluded, Exclusions template, long minAmountSat, FeePolicy feePolicy,
            int maxPendingHtlcs, long arMaxFeeRate) {
        if (!c.active()) {
            return new Row(c, Role.NEITHER, "inactive (peer offline)");
        }
        if (c.isPrivate()) {
            return new Row(c, Role.NEITHER, "private");
        }
        if (excluded.contains(c.id().value()) || excluded.contains(c.peer().toLowerCase(Locale.ROOT))) {
            return new Row(c, Role.NEITHER, "excluded (EXCLUDE_CHANNELS)");
        }
        if (maxPendingHtlcs > 0 && c.htlcCount() >= maxPendingHtlcs) {
            return new Row(c, Role.NEITHER, c.htlcCount() + " pending HTLCs (MAX_PENDING_HTLCS " + maxPendingHtlcs + ")");
        }
        if (!c.autoRebalance()) {
            if (c.outboundPercent() < c.arOutTarget()) {
                return new Row(c, Role.NEITHER, "auto-rebalance off, outbound " + c.outboundPercent() + " % below " + c.arOutTarget() + " %");
            }
            String out = "outbound " + c.outboundPercent() + " % ≥ " + c.arOutTarget() + " %";
            if (template.source(c) != null) {
                return new Row(c, Role.NEITHER, out + ", but excluded as a source by the template's " + template.source(c));
            }
            if (c.outboundMargin() < Math.max(1, minAmountSat)) {
                return new Row(c, Role.NEITHER, "no margin: " + out + ", " + Math.max(0, c.outboundMargin())
                        + " sat above its target, below the smallest run of " + minAmountSat + " sat (min_amount)");
            }
            return new Row(c, Role.SOURCE, "auto-rebalance off, " + out + ", margin " + c.outboundMargin() + " sat");
        }
        if (c.inboundPercent() < c.arInTarget()) {
            return new Row(c, Role.NEITHER, "auto-rebalance on, inbound " + c.inboundPercent() + " % below " + c.arInTarget() + " %");
        }
        if (template.target(c) != null) {
            return new Row(c, Role.NEITHER, "inbound " + c.inboundPercent() + " % ≥ " + c.arInTarget()
                    + " %, but excluded as a target by the template's " + template.target(c));
        }
        if (feePolicy == FeePolicy.LNDG) {
            String refusal = FeeCap.refusal(c, arMaxFeeRate);
            if (refusal != null) {
                return new Row(c, Role.NEITHER, refusal);
            }
            return new Row(c, Role.TARGET, "auto-rebalance on, inbound " + c.inboundPercent() + " % ≥ " + c.arInTarget()
                    + " %, fee cap " + FeeCap.maxPpm(c, arMaxFeeRate).getAsLong() + " ppm");
        }
        return new Row(c, Role.TARGET, "auto-rebalance on, inbound " + c.inboundPercent() + " % ≥ " + c.arInTarget() + " %");
    }

    /** The rows as a plain text table (aliases cut at 20 characters). */
    public static List<String> render(List<Row> rows) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "%-20s %-20s %5s %5s %9s  %-8s %s", "channel", "alias", "out%", "in%", "out≥/in≥",
                "role", "why"));
        for (Row r : rows) {
            Channel c = r.channel();
            // cut by characters, never inside one (an emoji is two Java chars)
            String alias = c.alias().codePointCount(0, c.alias().length()) > 20 ? UntrustedText.line(c.alias(), 19) : c.alias();
            lines.add(String.format(Locale.ROOT, "%-20s %-20s %5d %5d %4d/%-4d  %-8s %s", c.id(), alias, c.outboundPercent(),
                    c.inboundPercent(), c.arOutTarget(), c.arInTarget(), r.role().name().toLowerCase(Locale.ROOT), r.why()));
        }
        return lines;
    }
}
