package org.regolancer.orchestrator.lndg;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Reads an LNDg list that is ordered newest first by id ({@code /api/forwards/}, {@code /api/rebalancer/}) in bounded
 * pages by an {@code id__lt} cursor: a row that arrives while the pages are read cannot shift them (offset paging would
 * read a row twice). Each page is read as a stream through {@link LndgHttp#page}, a row at a time, only the fields
 * asked for, at most {@link AnswerLimit#MAX_BYTES} of it. The next page is asked for below the lowest id the reader
 * reported; the read ends when LNDg has no {@code next} page, when a page reported no id, or when the caller has
 * enough. What a row without a usable id means is the caller's: its {@link Rows} returns {@link #NO_ID} for a row that
 * must not move the cursor. Any LNDg list with ids can be read this way (e.g. {@code check}'s reads, given an
 * {@link LndgHttp}: {@code new IdPager(http, path, fields, pages).read(query, row -> …)}).
 */
public final class IdPager {

    /** Rows a page for lists of small rows (forwards). */
    public static final int PAGE = 500;
    /** Rows a page for rebalancer jobs: a job lists every source LNDg may use (tens of KB on a big node). */
    public static final int JOBS_PAGE = 100;
    /** Pages a read at most, unless the caller says fewer: years of a busy node's forwards fit. */
    public static final int MAX_PAGES = 2000;
    /** What {@link Rows#row} returns for a row that does not move the cursor. */
    public static final long NO_ID = Long.MAX_VALUE;

    /** Reads one row. */
    @FunctionalInterface
    public interface Rows {
        /** @return the row's id for the cursor, or {@link #NO_ID} */
        long row(JsonNode row);
    }

    private final LndgHttp http;
    private final String path;
    private final Set<String> fields;
    private final int maxPages;

    /**
     * @param path     the list's path under LNDG_BASE_URL, e.g. {@code /api/forwards/}
     * @param fields   the fields of each row to read (the others are skipped unread)
     * @param maxPages how many pages a read may take at most
     */
    public IdPager(LndgHttp http, String path, Set<String> fields, int maxPages) {
        this.http = http;
        this.path = path;
        this.fields = fields;
        this.maxPages = maxPages;
    }

    /** Every page of the list for {@code query} (its filters and {@code limit}). @return false when the page cap ended it */
    public boolean read(String query, Rows rows) {
        return read(query, rows, () -> false);
    }

    /**
     * The same, ending also after a page once {@code enough} says so (e.g. a row already counted was read).
     * @return false when the list still went on after the page cap, true when it ended
     */
    public boolean read(String query, Rows rows, BooleanSupplier enough) {
        String cursor = "";
        for (int page = 0; page < maxPages; page++) {
            long[] lowestId = {NO_ID};
            Optional<String> next = http.page(path, query + cursor, fields, row -> lowestId[0] = Math.min(lowestId[0], rows.row(row)));
            // LNDg may cap the page below our limit: go on while it says there is more
            if (enough.getAsBoolean() || next.isEmpty() || lowestId[0] == NO_ID) {
                return true;
            }
            cursor = "&id__lt=" + lowestId[0];
        }
        return false;
    }
}
