import java.util.Random;
import org.regolancer.orchestrator.pairing.Channel;
import org.regolancer.orchestrator.pairing.ChannelFees;
import org.regolancer.orchestrator.pairing.ChannelId;
import org.regolancer.orchestrator.pairing.Pair;
import org.regolancer.orchestrator.regolancer.RapidRepeats;

/**
 * What rapid rebalancing costs in sats moved past a source's LNDg target, and what the daemon's rule against it costs
 * in sats moved: a model of one regolancer v1.12 run on random, realistic pairs, under five ways of rendering its
 * config. The run is regolancer's own code paths, followed step by step: the first payment (pickChannelPair:
 * the amount clipped to the source's local and the target's remote less 2 % of the source's capacity), then
 * tryRapidRebalance (rebalancer.go: the amount doubled while it pays, halved after a failure or a clip, each repeat
 * after getChannelCandidates' check that the source's remote is below capacity × pfrom / 100 and the target's local
 * below capacity × pto / 100, which ends the repeats when it fails). Each payment pays with chance P (0.7) on the
 * route found, 300 ppm, up to the route's largest HTLC. The same pairs and the same random outcomes for every way.
 *
 * <p>Run: {@code mvn -B -q -o compile && java -cp target/classes bench/RapidOvershoot.java [PAIRS] [SEED] [P]}. It prints
 * numbers; it is not a test.
 */
public class RapidOvershoot {

    static double P = 0.7;
    static final long FEE_PPM = 300;
    static final long[] LADDER = {19_532, 58_596, 175_788};
    static final long TEMPLATE_MIN_AMOUNT = 5_000; // config.template.json's min_amount
    static final long OVERHEAD = 3_470;            // commitment fee and anchors: capacity − local − remote

    enum Way { BEFORE, MARGIN, MARGIN_3A, MARGIN_OUR_RULE, MARGIN_NO_RAPID }

    static final class Totals {
        long runs, paid, moved, past, runsPast, useful, pastTarget;
    }

    public static void main(String[] args) {
        int pairs = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 42;
        P = args.length > 2 ? Double.parseDouble(args[2]) : P;
        Random random = new Random(seed);
        Totals[] totals = new Totals[Way.values().length];
        for (int i = 0; i < totals.length; i++) {
            totals[i] = new Totals();
        }
        for (int n = 0; n < pairs; n++) {
            long cs = pick(random, 1_000_000, 2_000_000, 5_000_000, 10_000_000);
            int arOut = (int) pick(random, 50, 60, 75);
            long localS = (long) (cs * (arOut + random.nextDouble() * (98 - arOut)) / 100);
            long ct = pick(random, 1_000_000, 2_000_000, 5_000_000);
            int arIn = (int) pick(random, 60, 80, 90);
            long remoteT = (long) (ct * (arIn + random.nextDouble() * (99 - arIn)) / 100);
            Channel source = channel(1, cs, localS, cs - localS - OVERHEAD, false, 90, arOut);
            Channel target = channel(2, ct, ct - remoteT - OVERHEAD, remoteT, true, arIn, 75);
            if (source.outboundPercent() < arOut || target.inboundPercent() < arIn) {
                continue;
            }
            Pair pair = new Pair(source, target);
            long cycleAmount = LADDER[random.nextInt(LADDER.length)];
            long routeMax = 500_000 + (long) (random.nextDouble() * 4_500_000);
            long outcomes = random.nextLong();
            for (Way way : Way.values()) {
                run(way, pair, cycleAmount, routeMax, new Random(outcomes), totals[way.ordinal()]);
            }
        }
        System.out.printf("%d random pairs (seed %d); every run paid with chance %.1f per payment, %d ppm%n", pairs, seed, P, FEE_PPM);
        System.out.printf("%-44s %7s %9s %14s %14s %12s %14s %14s%n", "way", "runs", "payments", "sats moved", "past source",
                "runs past", "useful sats", "past target");
        for (Way way : Way.values()) {
            Totals t = totals[way.ordinal()];
            System.out.printf("%-44s %7d %9d %,14d %,14d %12d %,14d %,14d%n", label(way), t.runs, t.paid, t.moved, t.past, t.runsPast,
                    t.useful, t.pastTarget);
        }
    }

    static String label(Way way) {
        return switch (way) {
            case BEFORE -> "before: the cycle's amount, rapid on";
            case MARGIN -> "amount to the margin, rapid on";
            case MARGIN_3A -> "margin, rapid off if margin < 3 × amount";
            case MARGIN_OUR_RULE -> "margin, rapid only within margin (ours)";
            case MARGIN_NO_RAPID -> "margin, rapid always off";
        };
    }

    static void run(Way way, Pair pair, long cycleAmount, long routeMax, Random outcomes, Totals totals) {
        long margin = pair.source().outboundMargin();
        long minRun = TEMPLATE_MIN_AMOUNT;
        long amount = way == Way.BEFORE ? cycleAmount : pair.amount(cycleAmount);
        if (way != Way.BEFORE && margin < minRun) {
            return; // not paired: no margin
        }
        boolean rapid = switch (way) {
            case BEFORE, MARGIN -> true;
            case MARGIN_3A -> margin >= 3 * amount;
            case MARGIN_OUR_RULE -> RapidRepeats.withinMargin(pair, amount);
            case MARGIN_NO_RAPID -> false;
        };
        Regolancer r = new Regolancer(pair, outcomes, routeMax);
        totals.runs++;
        long first = r.pick(amount, minRun);
        if (first <= 0 || !r.pay(first)) {
            return;
        }
        if (rapid) {
            r.rapid(first);
        }
        totals.paid += r.payments;
        totals.moved += r.moved;
        long past = Math.max(0, r.moved - margin);
        totals.past += past;
        totals.runsPast += past > 0 ? 1 : 0;
        long need = Math.max(0, pair.target().remoteBalance() - (long) Math.floor(pair.target().arInTarget() * pair.target().capacity() / 100.0));
        totals.useful += Math.min(r.moved, need);
        totals.pastTarget += Math.max(0, r.moved - need);
    }

    /** One regolancer run on one pair: its balances as they change, its payments. */
    static final class Regolancer {
        final Pair pair;
        final Random outcomes;
        final long routeMax;
        long sourceLocal, sourceRemote, targetLocal, targetRemote;
        long moved;
        int payments;

        Regolancer(Pair pair, Random outcomes, long routeMax) {
            this.pair = pair;
            this.outcomes = outcomes;
            this.routeMax = routeMax;
            sourceLocal = pair.source().localBalance();
            sourceRemote = pair.source().remoteBalance();
            targetLocal = pair.target().localBalance();
            targetRemote = pair.target().remoteBalance();
        }

        /** channels.go pickChannelPair: the amount clipped to both channels' liquidity; 0 when below min_amount. */
        long pick(long amount, long minAmount) {
            long reserve = (long) (pair.source().capacity() * 0.02);
            long max = Math.min(Math.min(sourceLocal - reserve, targetRemote - reserve), amount);
            return max < minAmount || max <= 0 ? 0 : max;
        }

        /** getChannelCandidates for the two channels: still a source and still a target by regolancer's thresholds. */
        boolean candidates() {
            return sourceRemote < pair.source().capacity() * pair.pfrom() / 100
                    && targetLocal < pair.target().capacity() * pair.pto() / 100;
        }

        boolean pay(long amount) {
            if (amount > routeMax || !(outcomes.nextDouble() < P)) {
                return false;
            }
            long fee = amount * FEE_PPM / 1_000_000;
            sourceLocal -= amount + fee;
            sourceRemote += amount + fee;
            targetLocal += amount;
            targetRemote -= amount;
            moved += amount;
            payments++;
            return true;
        }

        /** rebalancer.go tryRapidRebalance, step by step (its min amount: min_amount, or 10,000 without one). */
        void rapid(long amt) {
            long minAmount = TEMPLATE_MIN_AMOUNT > 0 ? TEMPLATE_MIN_AMOUNT : 10_000;
            long amtLocal = amt;
            long accelerator = 1;
            boolean hittingTheWall = false;
            boolean exitEarly = false;
            boolean capReached = false;
            boolean increase = true;
            for (int guard = 0; guard < 200; guard++) {
                if (increase) {
                    if (hittingTheWall) {
                        accelerator >>= 1;
                        if (amtLocal < accelerator * amt && amtLocal > minAmount) {
                            continue;
                        }
                    } else if (!capReached) {
                        accelerator <<= 1;
                    }
                    if (accelerator * amt < routeMax) {
                        amtLocal = accelerator * amt;
                    } else if (!capReached) {
                        capReached = true;
                    }
                    if (accelerator < 1) {
                        accelerator = 2;
                        increase = false;
                        amtLocal = amt / accelerator;
                        if (amtLocal < minAmount) {
                            return;
                        }
                    }
                } else {
                    accelerator <<= 1;
                    if (amtLocal < amt / accelerator) {
                        continue;
                    }
                    amtLocal = amt / accelerator;
                    if (amtLocal < minAmount) {
                        return;
                    }
                }
                if (exitEarly) {
                    return;
                }
                if (!candidates()) {
                    return; // "Error selecting channel candidates": the repeats end
                }
                long wanted = amtLocal;
                amtLocal = pick(amtLocal, TEMPLATE_MIN_AMOUNT);
                if (amtLocal <= 0) {
                    hittingTheWall = true;
                    amtLocal = wanted;
                    continue;
                }
                if (wanted > amtLocal) {
                    hittingTheWall = true;
                    exitEarly = !increase;
                }
                if (!pay(amtLocal)) {
                    hittingTheWall = true;
                }
            }
        }
    }

    static long pick(Random random, long... values) {
        return values[random.nextInt(values.length)];
    }

    static Channel channel(int n, long capacity, long local, long remote, boolean autoRebalance, int arIn, int arOut) {
        return new Channel(new ChannelId(Integer.toString(n)), "c" + n, String.format("02%064x", n), capacity, local, remote, 0, 0,
                true, true, false, autoRebalance, arIn, arOut, new ChannelFees(1000, 10, 65), 0);
    }
}
