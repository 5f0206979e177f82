package org.regolancer.orchestrator.cycle;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.regolancer.orchestrator.books.ChannelBook;
import org.regolancer.orchestrator.judgment.FeeCap;
import org.regolancer.orchestrator.judgment.Judgment;
import org.regolancer.orchestrator.pairing.AmountLadder;
import org.regolancer.orchestrator.pairing.Channel;
import org.regolancer.orchestrator.pairing.ChannelId;
import org.regolancer.orchestrator.pairing.Pair;
import org.regolancer.orchestrator.pairing.PairPlanner;
import org.regolancer.orchestrator.regolancer.TemplateKeys;
import org.regolancer.orchestrator.settings.Settings;

/**
 * Plans a cycle from LNDg's channels, as the daemon does and {@code check} shows: the pairs LNDg's rules give
 * (EXCLUDE_CHANNELS, the template's exclusions and {@code min_amount}), the cycle's amount on the ladder, LNDg's
 * AR-MaxFeeRate under MAX_FEE_PPM, and the judgment's verdict on the pairs. No Camel, no LNDg, no file: the caller
 * hands over the channels, LNDg's fee rate, the books and the judgment.
 * <pre>{@code
 * CyclePlanner.Plan plan = new CyclePlanner(settings).plan(channels, 0, arMaxFeeRate, () -> books,
 *         (pairs, cap, b, amountSat) -> judgment.judge(pairs, cap, b, amountSat, now));
 * }</pre>
 */
public final class CyclePlanner {

    /** The judgment of the planned pairs: the daemon's {@link Judge#verdict}, or a {@link Judgment} of one's own. */
    @FunctionalInterface
    public interface Judging {
        Judgment.Verdict verdict(List<Pair> pairs, long arMaxFeeRate, Map<ChannelId, ChannelBook> books, long amountSat);
    }

    /**
     * One cycle's plan.
     *
     * @param paired        every pair LNDg's rules give, before the judgment
     * @param withoutMargin the sources LNDg's rule would use that have no margin above their target (not paired)
     * @param hasTargets    whether any channel wants a refill by LNDg's rules
     * @param amountSat     the cycle's amount on the ladder
     * @param arMaxFeeRate  LNDg's AR-MaxFeeRate, at most MAX_FEE_PPM
     * @param verdict       the pairs to run, in order, and the pairs skipped
     */
    public record Plan(List<Channel> channels, List<Pair> paired, List<Channel> withoutMargin, boolean hasTargets,
            long amountSat, long arMaxFeeRate, Judgment.Verdict verdict) {

        public List<Pair> toRun() {
            return verdict.toRun();
        }
    }

    private final Settings settings;
    private final PairPlanner pairing;
    private final AmountLadder ladder;

    public CyclePlanner(Settings settings) {
        this.settings = settings;
        this.pairing = new PairPlanner(settings.judgment().excludeChannels(), TemplateKeys.exclusions(settings.files().template()),
                TemplateKeys.minAmountSat(settings.files().template()));
        this.ladder = new AmountLadder(settings.amounts().initial(), settings.amounts().increasePercent(),
                settings.amounts().everyRounds(), settings.amounts().maxIncreases());
    }

    /**
     * @param cycleNumber     the cycle's number on the amount ladder (0 for the first: AMOUNT_INITIAL)
     * @param lndgArMaxFeeRate LNDg's AR-MaxFeeRate as read (MAX_FEE_PPM applied here)
     * @param books           the channels' books, asked for only when there is a pair to judge
     */
    public Plan plan(List<Channel> channels, long cycleNumber, long lndgArMaxFeeRate,
            Supplier<Map<ChannelId, ChannelBook>> books, Judging judging) {
        List<Pair> paired = pairing.plan(channels);
        long arMaxFeeRate = FeeCap.ceiled(lndgArMaxFeeRate, settings.judgment().maxFeeCeiling());
        long amount = ladder.amountFor(cycleNumber);
        // summed only when a pair may need them: a balanced node's cycles do not add up the books
        Map<ChannelId, ChannelBook> spent = paired.isEmpty() ? Map.of() : books.get();
        Judgment.Verdict verdict = judging.verdict(paired, arMaxFeeRate, spent, amount);
        return new Plan(channels, paired, pairing.withoutMargin(channels), pairing.hasTargets(channels), amount,
                arMaxFeeRate, verdict);
    }

    /** The smallest amount a run may have (the template's {@code min_amount}, or regolancer's own). */
    public long minAmountSat() {
        return pairing.minAmountSat();
    }
}
