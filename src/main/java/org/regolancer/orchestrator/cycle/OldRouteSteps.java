package org.regolancer.orchestrator.cycle;

import java.util.List;
import org.regolancer.orchestrator.lndg.ChannelFetch;
import org.regolancer.orchestrator.lndg.PagedFetch;
import org.regolancer.orchestrator.pairing.Channel;

/**
 * Kept for routes of earlier versions: the steps an operator's edited copy of an older {@code cycle.camel.yaml} calls
 * on the {@code cycles} bean (README, "Upgrading"), as thin adapters over today's steps. Today's routes call none of
 * them; {@code PreviousRoutesRouteTest} runs the daemon with a copy of the routes before the cycle route told the
 * story.
 */
public abstract class OldRouteSteps {

    final Turns turns;
    final HourlySummary summary;

    OldRouteSteps(Turns turns, HourlySummary summary) {
        this.turns = turns;
        this.summary = summary;
    }

    public abstract ChannelFetch channelFetch();

    public abstract List<Channel> channels(ChannelFetch fetch);

    public abstract boolean booksDue();

    public abstract void refreshBooks(List<Channel> channels);

    public abstract Cycle planCycle(List<Channel> channels);

    /** Kept for old routes: their first step before LNDG_REFRESH_SECONDS (it does not wait for LNDg's refresh). */
    public boolean isStopping() {
        return turns.isStopping();
    }

    /** Kept for old routes: their first step, a filter that stops the route when true (it waits for the turn). */
    public boolean mustNotStart() {
        return turns.mustNotStart();
    }

    /** Kept for old routes: they log the line in a step of their own. */
    public String summaryIfDue() {
        return summary.ifDue();
    }

    /** Kept for old routes: {@link #channelFetch}. */
    public ChannelFetch begin() {
        return channelFetch();
    }

    /** Kept for old routes: {@link #refreshBooks} with the channel fetch. */
    public void readBooks(ChannelFetch fetch) {
        refreshBooks(fetch.channels());
    }

    /**
     * Kept for old routes: {@link #channels}, the books when due (routes older than the books had no step of their own
     * for them), then {@link #planCycle}.
     */
    public Cycle plan(ChannelFetch fetch) {
        List<Channel> channels = channels(fetch);
        if (booksDue()) {
            refreshBooks(channels);
        }
        return planCycle(channels);
    }

    /** Kept for old routes: a cycle without pairs starts no worker (today's split has no token for it). */
    public boolean hasPairs(Cycle cycle) {
        return cycle.getPairCount() > 0;
    }

    /** Kept for old routes' lndg-pages. */
    public boolean hasMore(PagedFetch fetch) {
        return fetch.hasMore();
    }

    /** Kept for old routes' lndg-pages. */
    public String pathOf(PagedFetch fetch) {
        return fetch.getPath();
    }

    /** Kept for old routes' lndg-pages. */
    public String nextQueryOf(PagedFetch fetch) {
        return fetch.getNextQuery();
    }
}
