package org.regolancer.orchestrator.lndg;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * One paged read of an LNDg list that the {@code lndg-pages} route drives: the path, the query for the next request,
 * and the guards against a {@code next} chain that never ends (a page cap, a query seen twice). Subclasses read the
 * rows of each page.
 */
public abstract class PagedFetch {

    private final String path;
    private final String what;
    private final int maxPages;
    private final Set<String> seenQueries = new HashSet<>();
    private String nextQuery;
    private int pages;
    private long bytes;

    protected PagedFetch(String path, String what, String firstQuery, int maxPages) {
        this.path = path;
        this.what = what;
        this.maxPages = maxPages;
        this.nextQuery = firstQuery;
        seenQueries.add(firstQuery);
    }

    /** The path under LNDG_BASE_URL, e.g. {@code /api/channels/}. */
    public String getPath() {
        return path;
    }

    /** The query to send next, or null when every page has been read. */
    public String getNextQuery() {
        return nextQuery;
    }

    public boolean hasMore() {
        return nextQuery != null;
    }

    /**
     * Takes one page's body, read as a stream, and moves on to the page it links to. All pages together are read to at
     * most {@link AnswerLimit#MAX_BYTES}: a server sending 50 pages of 16 MB cannot fill the heap with their rows.
     */
    public final void accept(InputStream body) {
        Optional<String> next;
        // the cap is for the whole list, however many pages its answers come in (LNDg answers the channel list in one)
        try (AnswerLimit.Capped capped = AnswerLimit.of(body, path, AnswerLimit.MAX_BYTES, bytes)) {
            next = readPage(capped);
            bytes = capped.bytesRead();
        } catch (java.io.IOException e) {
            throw new LndgException("LNDg's answer could not be read: " + org.regolancer.orchestrator.ops.ErrorLog.describe(e));
        }
        pages++;
        if (next.isPresent() && !seenQueries.add(next.get())) {
            throw new LndgException("LNDg's 'next' link points back to a page already read (" + next.get() + ")");
        }
        if (next.isPresent() && pages >= maxPages) {
            throw new LndgException("LNDg still had more " + what + " pages after " + maxPages + " pages; giving up");
        }
        nextQuery = next.orElse(null);
    }

    /** The same, for a page already in memory. */
    public final void accept(String body) {
        accept(new ByteArrayInputStream((body == null ? "" : body).getBytes(StandardCharsets.UTF_8)));
    }

    /** Reads the rows of one page from its stream; returns the query of the page it links to. */
    protected abstract Optional<String> readPage(InputStream body);
}
