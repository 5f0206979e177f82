package org.regolancer.orchestrator.lndg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.regolancer.orchestrator.fixtures.FakeLndg;
import org.regolancer.orchestrator.ops.Secrets;

/** The id__lt pager over LNDg's forwards as the stand-in lists them: newest id first, two rows a page, with next links. */
class IdPagerTest {

    private static final String QUERY = "forward_date__gte=2026-11-25T00:00:00&forward_date__lt=2026-11-26T00:00:00&limit=500";

    private final FakeLndg lndg;
    private final List<Long> seen = new ArrayList<>();

    IdPagerTest() throws Exception {
        lndg = new FakeLndg().withPageSize(2);
        for (int id = 1; id <= 5; id++) {
            lndg.withForward(id, "2026-11-25T10:00:0" + id, 1_000_000L * id, 1.0);
        }
    }

    @AfterEach
    void close() {
        lndg.close();
    }

    private IdPager pager(int maxPages) {
        LndgHttp http = new LndgHttp(new LndgSession(URI.create(lndg.baseUrl()), FakeLndg.USER, FakeLndg.PASSWORD,
                Clock.systemUTC(), new Secrets(FakeLndg.USER, FakeLndg.PASSWORD, "")), Duration.ofSeconds(5));
        return new IdPager(http, "/api/forwards/", Set.of("id"), maxPages);
    }

    private long id(com.fasterxml.jackson.databind.JsonNode row) {
        seen.add(row.path("id").asLong());
        return row.path("id").asLong();
    }

    @Test
    void eachPageIsAskedBelowTheLowestIdOfTheLastUntilLndgHasNoNextPage() {
        assertTrue(pager(IdPager.MAX_PAGES).read(QUERY, this::id));
        assertEquals(List.of(5L, 4L, 3L, 2L, 1L), seen);
        assertEquals(List.of("forwards?" + QUERY, "forwards?" + QUERY + "&id__lt=4", "forwards?" + QUERY + "&id__lt=2"),
                lndg.reportQueries());
    }

    @Test
    void aRowItsReaderGivesNoIdDoesNotMoveTheCursor() {
        assertTrue(pager(IdPager.MAX_PAGES).read(QUERY, row -> id(row) == 4 ? IdPager.NO_ID : row.path("id").asLong()));
        assertEquals(List.of(5L, 4L, 4L, 3L, 2L, 1L), seen, "the page after 5 starts below 5: forward 4 is read again");
        assertEquals("forwards?" + QUERY + "&id__lt=5", lndg.reportQueries().get(1));
    }

    @Test
    void aPageWithoutAnIdEndsTheRead() {
        assertTrue(pager(IdPager.MAX_PAGES).read(QUERY, row -> {
            id(row);
            return IdPager.NO_ID;
        }));
        assertEquals(List.of(5L, 4L), seen, "the first page was read");
        assertEquals(1, lndg.reportQueries().size(), "no cursor to go on with");
    }

    @Test
    void theCallerEndsTheReadAfterAPageOnceItHasEnough() {
        assertTrue(pager(IdPager.MAX_PAGES).read(QUERY, this::id, () -> seen.contains(4L)));
        assertEquals(List.of(5L, 4L), seen);
        assertEquals(1, lndg.reportQueries().size());
    }

    @Test
    void aListLongerThanThePageCapEndsThereAndSaysSo() {
        assertFalse(pager(2).read(QUERY, this::id));
        assertEquals(List.of(5L, 4L, 3L, 2L), seen, "two pages");
        assertEquals(2, lndg.reportQueries().size());
    }
}
