package org.regolancer.orchestrator.lndg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.regolancer.orchestrator.fixtures.FakeLndg;
import org.regolancer.orchestrator.ops.Secrets;

/** LNDg's completed rebalances as its API lists them: paged, filtered by stop, fees as floats or missing. */
class FinishedJobsTest {

    private final FakeLndg lndg;

    FinishedJobsTest() throws Exception {
        lndg = new FakeLndg();
    }

    @AfterEach
    void close() {
        lndg.close();
    }

    private FinishedJobs jobs() {
        return new FinishedJobs(new LndgHttp(new LndgSession(URI.create(lndg.baseUrl()), FakeLndg.USER, FakeLndg.PASSWORD,
                Clock.systemUTC(), new Secrets(FakeLndg.USER, FakeLndg.PASSWORD, "")), Duration.ofSeconds(5)), ZoneOffset.UTC);
    }

    @Test
    void everyPageOfTheJobsThatStoppedAfterTheTimeWithTheirFeesInMsat() {
        lndg.withPageSize(2)
                .withRebalanceJob(1, "Old", "2026-12-03T09:59:59", 10_000, 1.0, 2)
                .withRebalanceJob(2, "A", "2026-12-03T10:00:01.250000", 20_000, 0.4, 2)
                .withRebalanceJob(3, "B", "2026-12-03T10:30:00", 30_000, null, 2)
                .withRebalanceJob(4, "Failed", "2026-12-03T10:31:00", 40_000, null, 4)
                .withRebalanceJob(5, "C", "2026-12-03T11:00:00", 50_000, 30.5, 2);
        List<FinishedJob> read = jobs().since(Instant.parse("2026-12-03T10:00:00Z"));
        assertEquals(List.of(5L, 3L, 2L), read.stream().map(FinishedJob::id).toList(), "status 2, stopped after 10:00, all pages");
        FinishedJob a = read.get(2);
        assertEquals(Instant.parse("2026-12-03T10:00:01.250Z"), a.stop());
        assertEquals(400L, a.feeMsat(), "0.4 sat exactly");
        assertEquals(20L, a.feePpm());
        assertEquals(null, read.get(1).feeMsat(), "no fee recorded: unknown, not 0");
        assertEquals(30_500L, read.get(0).feeMsat());
        assertEquals("C", read.get(0).targetAlias());
        assertTrue(lndg.noticesQueries().stream().allMatch(q -> q.startsWith("rebalancer?limit=100&status=2&stop__gt=2026-12-03T10:00:00")),
                lndg.noticesQueries().toString());
        assertEquals(2, lndg.noticesQueries().size(), "two pages (LNDg gives two rows a page), by the id cursor");
    }

    @Test
    void aTargetsAliasIsAPeersTextMadePlainAsItIsRead() {
        lndg.withRebalanceJob(7, "Evil\n2099-01-01 ERROR [errors] FORGED\u001b[31m\u202e", "2026-12-03T11:00:00", 50_000, 1.0, 2);
        List<FinishedJob> read = jobs().since(Instant.parse("2026-12-03T10:00:00Z"));
        assertEquals(1, read.size());
        String alias = read.get(0).targetAlias();
        assertTrue(alias.chars().noneMatch(c -> c == '\n' || c == '\r' || c == 0x1b || c == 0x202e), alias);
        assertTrue(alias.startsWith("Evil"), alias);
    }
}
