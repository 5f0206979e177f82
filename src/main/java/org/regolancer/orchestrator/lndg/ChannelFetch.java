package org.regolancer.orchestrator.lndg;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.regolancer.orchestrator.pairing.Channel;

/**
 * The state of one paged channel fetch: the query for the next request, the channels read so far, and the
 * guards against a {@code next} chain that never ends (a page cap, a query seen twice).
 */
public final class ChannelFetch {

    private final ChannelPageParser parser;
    private final int maxPages;
    private final List<Channel> channels = new ArrayList<>();
    private final List<String> refusedRows = new ArrayList<>();
    private final Set<String> seenQueries = new HashSet<>();
    private String nextQuery;
    private int pages;

    public ChannelFetch(ChannelPageParser parser, String firstQuery, int maxPages) {
        this.parser = parser;
        this.maxPages = maxPages;
        this.nextQuery = firstQuery;
        seenQueries.add(firstQuery);
    }

    /** The query to send next, or null when every page has been read. */
    public String getNextQuery() {
        return nextQuery;
    }

    public boolean hasMore() {
        return nextQuery != null;
    }

    /** Takes one page's body and moves on to the page it links to. */
    public void accept(String body) {
        ChannelPage page = parser.parse(body);
        pages++;
        channels.addAll(page.channels());
        refusedRows.addAll(page.refusedRows());
        Optional<String> next = page.nextQuery();
        if (next.isPresent() && !seenQueries.add(next.get())) {
            throw new LndgException("LNDg's 'next' link points back to a page already read (" + next.get() + ")");
        }
        if (next.isPresent() && pages >= maxPages) {
            throw new LndgException("LNDg still had more channel pages after " + maxPages + " pages; giving up");
        }
        nextQuery = next.orElse(null);
    }

    public List<Channel> channels() {
        return List.copyOf(channels);
    }

    public List<String> refusedRows() {
        return List.copyOf(refusedRows);
    }
}
