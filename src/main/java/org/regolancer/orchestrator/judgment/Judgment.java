package org.regolancer.orchestrator.judgment;

import org.regolancer.orchestrator.ledger.Msat;
import org.regolancer.orchestrator.ledger.Ppm;
import org.regolancer.orchestrator.ledger.Sat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import org.regolancer.orchestrator.books.ChannelBook;
import org.regolancer.orchestrator.pairing.Channel;
import org.regolancer.orchestrator.pairing.ChannelId;
import org.regolancer.orchestrator.pairing.Pair;
import org.regolancer.orchestrator.pairing.PairKey;

/**
 * Decides which of the pairs LNDg's rules give are worth a run this cycle, and in what order:
 * <ul>
 *   <li>HTLC guard: no channel with {@code maxPendingHtlcs} or more pending HTLCs (0 = off);</li>
 *   <li>fee cap ({@link FeePolicy#LNDG} only): no target LNDg itself would not rebalance into ({@link FeeCap});</li>
 *   <li>refill budget: no target whose refill fees over the books' window have reached what its forwards earned allows
 *       ({@link RefillBudget}); under {@link FeePolicy#LNDG} a run's ppm cap lowered to what the rest allows;</li>
 *   <li>waits: no pair resting after failed runs ({@link PairWaits});</li>
 *   <li>order: the pairs that paid in their last run first, then the rest, each group shuffled when asked.</li>
 * </ul>
 * It remembers how each pair's runs ended; thread-safe (runs end on worker threads).
 */
public final class Judgment {


    /** A pair not run this cycle, why, and the particulars for the operator's log. */
    public record Skip(Pair pair, SkipReason reason, String why) {
    }

    /**
     * The pairs to run, in order; the pairs skipped; whether the waits changed (forgotten pairs) and need keeping; the
     * pairs whose runs' ppm cap the refill budget lowers (and whose runs therefore repeat no payment): the cap is for
     * the pair's own amount ({@link Pair#amount}), so two sources into one target may get different caps.
     */
    public record Verdict(List<Pair> toRun, List<Skip> skipped, boolean waitsChanged, Map<PairKey, Long> budgetCaps) {

        /** How many targets the refill budget left out (each target once, however many pairs lead to it). */
        public int targetsOverBudget() {
            return (int) skipped.stream().filter(s -> s.reason() == SkipReason.BUDGET).map(s -> s.pair().target().id())
                    .distinct().count();
        }

        public Map<SkipReason, Integer> counts() {
            Map<SkipReason, Integer> counts = new EnumMap<>(SkipReason.class);
            skipped.forEach(s -> counts.merge(s.reason(), 1, Integer::sum));
            return counts;
        }
    }

    private final FeePolicy feePolicy;
    private final int maxPendingHtlcs;
    private final PairWaits waits;
    private final Random random;
    private final RefillBudget budget;
    private final Set<PairKey> paidLastRun = new HashSet<>();

    /**
     * @param random shuffles the pairs, or null to keep LNDg's order (RANDOMIZE_PAIRS=false)
     * @param budget the refill budget, or {@link RefillBudget#OFF}
     */
    public Judgment(FeePolicy feePolicy, int maxPendingHtlcs, PairWaits waits, Random random, RefillBudget budget) {
        this.feePolicy = feePolicy;
        this.maxPendingHtlcs = maxPendingHtlcs;
        this.waits = waits;
        this.random = random;
        this.budget = budget;
    }

    public synchronized Verdict judge(List<Pair> pairs, long arMaxFeeRate, Instant now) {
        return judge(pairs, arMaxFeeRate, Map.of(), 0, now);
    }

    /**
     * @param books     the channels' books over the window (a channel not in it has paid and earned nothing)
     * @param amountSat this cycle's amount; each pair's run has that or its source's margin, if less, and the budget's
     *                  ppm cap is for that
     */
    public synchronized Verdict judge(List<Pair> pairs, long arMaxFeeRate, Map<ChannelId, ChannelBook> books,
            long amountSat, Instant now) {
        Map<PairKey, Long> caps = new HashMap<>();
        List<Pair> payers = new ArrayList<>();
        List<Pair> rest = new ArrayList<>();
        List<Skip> skipped = new ArrayList<>();
        Set<PairKey> listed = new HashSet<>();
        for (Pair pair : pairs) {
            listed.add(pair.key());
            Skip skip = skipOf(pair, arMaxFeeRate, books, amountSat, caps, now);
            if (skip != null) {
                skipped.add(skip);
            } else if (paidLastRun.contains(pair.key())) {
                payers.add(pair);
            } else {
                rest.add(pair);
            }
        }
        paidLastRun.retainAll(listed);
        if (random != null) {
            Collections.shuffle(payers, random);
            Collections.shuffle(rest, random);
        }
        payers.addAll(rest);
        boolean forgotten = waits.forgetUnlisted(listed, now);
        return new Verdict(payers, skipped, forgotten, Map.copyOf(caps));
    }

    private Skip skipOf(Pair pair, long arMaxFeeRate, Map<ChannelId, ChannelBook> books, long amountSat,
            Map<PairKey, Long> caps, Instant now) {
        for (Channel channel : List.of(pair.source(), pair.target())) {
            if (maxPendingHtlcs > 0 && channel.htlcCount() >= maxPendingHtlcs) {
                return new Skip(pair, SkipReason.HTLC, channel.htlcCount() + " HTLCs pending on " + channel.displayName()
                        + " (MAX_PENDING_HTLCS=" + maxPendingHtlcs + ")");
            }
        }
        if (feePolicy == FeePolicy.LNDG) {
            String refusal = FeeCap.refusal(pair.target(), arMaxFeeRate);
            if (refusal != null) {
                return new Skip(pair, SkipReason.FEE, refusal);
            }
        }
        if (budget.on()) {
            String over = overBudget(pair, arMaxFeeRate, books, pair.amount(amountSat), caps);
            if (over != null) {
                return new Skip(pair, SkipReason.BUDGET, over);
            }
        }
        Optional<PairWaits.Wait> wait = waits.resting(pair.key(), now);
        if (wait.isPresent()) {
            return new Skip(pair, SkipReason.WAIT, "resting " + wait.get().text());
        }
        return null;
    }

    /** Why the target's budget allows no run now, or null (and its lowered ppm cap noted, if the budget lowers it). */
    private String overBudget(Pair pair, long arMaxFeeRate, Map<ChannelId, ChannelBook> books, long amountSat,
            Map<PairKey, Long> caps) {
        Channel target = pair.target();
        ChannelBook book = books.getOrDefault(target.id(), ChannelBook.empty(target.id()));
        Msat paid = book.paid();
        Msat earned = book.earned();
        if (budget.spent(paid, earned)) {
            return "refill fees of " + target.displayName() + " " + paid.asSats() + " sat reached its budget "
                    + budget.allowed(earned).asSats() + " sat (" + budget.percent() + " % of " + earned.asSats()
                    + " sat earned forwarding out, plus " + budget.allowance().asSats() + " sat allowance)";
        }
        if (feePolicy != FeePolicy.LNDG) {
            return null;
        }
        Optional<Ppm> left = budget.maxPpm(paid, earned, Sat.of(amountSat));
        OptionalLong normal = FeeCap.maxPpm(target, arMaxFeeRate);
        if (left.isEmpty() || normal.isEmpty()) {
            return null;
        }
        if (left.get().value() <= target.fees().remoteFeeRate()) {
            return "what is left of the refill budget of " + target.displayName() + " (" + budget.remaining(paid, earned).asSats()
                    + " sat) allows " + left.get().value() + " ppm for " + amountSat + " sat, not above the peer's fee "
                    + target.fees().remoteFeeRate() + " ppm";
        }
        if (left.get().value() < normal.getAsLong()) {
            caps.put(pair.key(), left.get().value());
        }
        return null;
    }

    /**
     * A run of the pair ended (not one that could not start). @return whether the waits changed and need keeping
     */
    public synchronized boolean runEnded(PairKey pair, RunEffect effect, Instant end) {
        if (effect == RunEffect.PAID) {
            paidLastRun.add(pair);
            return waits.paid(pair);
        }
        paidLastRun.remove(pair);
        if (effect.makesWait() && waits.enabled()) {
            waits.failed(pair, end);
            return true;
        }
        return false;
    }

    public synchronized int restingCount(Instant now) {
        return waits.restingCount(now);
    }

    public synchronized String waitsCsv() {
        return waits.toCsv();
    }

    /** Takes the waits an earlier start kept. @return how many lines could not be read */
    public synchronized int loadWaits(String csv) {
        return waits.enabled() ? waits.load(csv) : 0;
    }

    public RefillBudget budget() {
        return budget;
    }

    public FeePolicy feePolicy() {
        return feePolicy;
    }
}
