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
 *   <li>source: {@code auto_rebalance == false} and outbound % ≥ {@code ar_out_target};</li>
 *   <li>target: {@code auto_rebalance == true} and inbound % ≥ {@code ar_in_target};</li>
 *   <li>a source and a target with the same peer are never paired.</li>
 * </ul>
 */
public final class PairPlanner {

    private final Set<String> excluded;

    /** @param excluded channel ids and peer pubkeys never used */
    public PairPlanner(Collection<String> excluded) {
        this.excluded = excluded.stream().map(id -> id.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    public List<Pair> plan(List<Channel> channels) {
        List<Channel> sources = new ArrayList<>();
        List<Channel> targets = new ArrayList<>();
        for (Channel channel : channels) {
            if (!usable(channel)) {
                continue;
            }
            if (isSource(channel)) {
                sources.add(channel);
            } else if (isTarget(channel)) {
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
