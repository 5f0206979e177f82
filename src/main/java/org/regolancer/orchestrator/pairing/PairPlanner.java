package org.regolancer.orchestrator.pairing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Picks sources and targets by LNDg's own rules (rebalancer.py) and pairs every source with every target.
 * <ul>
 *   <li>pool: open, active, public, not excluded (by channel id or peer pubkey);</li>
 *   <li>source: {@code auto_rebalance == false} and outbound % ≥ {@code ar_out_target}, with a margin above that
 *       target ({@link Channel#outboundMargin()}) of at least the run's smallest amount: LNDg itself uses a source only
 *       for what keeps it at its target, so a source with less has nothing to give ("no margin");</li>
 *   <li>target: {@code auto_rebalance == true} and inbound % ≥ {@code ar_in_target};</li>
 *   <li>a source and a target with the same peer are never paired;</li>
 *   <li>a channel the regolancer template rules out as source or target ({@link Exclusions}) is not one.</li>
 * </ul>
 */
public final class PairPlanner {

    /** regolancer's own smallest amount when its template sets no {@code min_amount} (its rapid rebalancing's floor). */
    public static final long DEFAULT_MIN_AMOUNT = 10_000;

    private final Set<String> excluded;
    private final Exclusions template;
    private final long minAmountSat;

    /** @param excluded channel ids and peer pubkeys never used */
    public PairPlanner(Collection<String> excluded) {
        this(excluded, Exclusions.NONE, DEFAULT_MIN_AMOUNT);
    }

    /**
     * @param template     what the regolancer template rules out
     * @param minAmountSat the smallest amount a run may have: the template's {@code min_amount}, or
     *                     {@link #DEFAULT_MIN_AMOUNT}
     */
    public PairPlanner(Collection<String> excluded, Exclusions template, long minAmountSat) {
        this.excluded = excluded.stream().map(id -> id.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        this.template = template;
        this.minAmountSat = minAmountSat;
    }

    public List<Pair> plan(List<Channel> channels) {
        List<Channel> sources = new ArrayList<>();
        List<Channel> targets = new ArrayList<>();
        for (Channel channel : channels) {
            if (!usable(channel)) {
                continue;
            }
            if (isSource(channel)) {
                if (hasMargin(channel) && template.source(channel) == null) {
                    sources.add(channel);
                }
            } else if (isTarget(channel) && template.target(channel) == null) {
                targets.add(channel);
            }
        }
        List<Pair> pairs = new ArrayList<>(sources.size() * targets.size());
        for (Channel source : sources) {
            for (Channel target : targets) {
                if (!source.peer().equals(target.peer())) {
                    pairs.add(new Pair(source, target));
                }
            }
        }
        return pairs;
    }

    /**
     * The channels that are sources by LNDg's rule (auto-rebalance off, outbound % at or above its target) but whose
     * margin above that target is below the smallest amount a run may have: "no margin", not paired.
     */
    public List<Channel> withoutMargin(List<Channel> channels) {
        return channels.stream().filter(c -> usable(c) && isSource(c) && template.source(c) == null && !hasMargin(c)).toList();
    }

    /** Whether some channel is a target by LNDg's rules (and not one the template rules out). */
    public boolean hasTargets(List<Channel> channels) {
        return channels.stream().anyMatch(c -> usable(c) && isTarget(c) && template.target(c) == null);
    }

    /** The smallest amount a run may have (the template's {@code min_amount}, or regolancer's floor). */
    public long minAmountSat() {
        return minAmountSat;
    }

    boolean hasMargin(Channel source) {
        return source.outboundMargin() >= Math.max(1, minAmountSat);
    }

    boolean usable(Channel channel) {
        return channel.open() && channel.active() && !channel.isPrivate()
                && !excluded.contains(channel.id().value()) && !excluded.contains(channel.peer().toLowerCase(Locale.ROOT));
    }

    static boolean isSource(Channel channel) {
        return !channel.autoRebalance() && channel.outboundPercent() >= channel.arOutTarget();
    }

    static boolean isTarget(Channel channel) {
        return channel.autoRebalance() && channel.inboundPercent() >= channel.arInTarget();
    }
}
