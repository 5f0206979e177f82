package org.regolancer.orchestrator.lndg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.regolancer.orchestrator.ledger.Msat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.regolancer.orchestrator.fixtures.FakeLndg;
import org.regolancer.orchestrator.ops.Secrets;
import org.regolancer.orchestrator.report.Activity;

class LndgReportClientTest {

    private final FakeLndg lndg;

    LndgReportClientTest() throws Exception {
        lndg = new FakeLndg();
    }

    @AfterEach
    void close() {
        lndg.close();
    }

    private LndgReportClient client(String password, ZoneId zone) {
        return new LndgReportClient(new LndgHttp(new LndgSession(URI.create(lndg.baseUrl()), FakeLndg.USER, password,
                Clock.systemUTC(), new Secrets(FakeLndg.USER, password, "")), Duration.ofSeconds(5)), zone);
    }

    @Test
    void readsNaiveDatetimesInLndgsOwnZone() {
        lndg.withForward(1, "2026-11-25T00:30:00", 2_000_000, 0.5);
        List<Activity.Forward> forwards = client(FakeLndg.PASSWORD, ZoneId.of("Europe/Berlin"))
                .forwards(Instant.parse("2026-11-24T00:00:00Z"), Instant.parse("2026-11-26T00:00:00Z"));
        assertEquals(List.of(new Activity.Forward(Instant.parse("2026-11-24T23:30:00Z"), Msat.of(2_000_000), Msat.of(500))), forwards);
        assertTrue(lndg.reportQueries().get(0).contains("forward_date__gte=2026-11-24T01:00:00"),
                "the window is asked in LNDg's zone: " + lndg.reportQueries().get(0));
    }

    @Test
    void splitsLongRangesIntoWindowsOfAMonthAtMost() {
        client(FakeLndg.PASSWORD, ZoneId.of("UTC")).forwards(Instant.parse("2025-11-25T00:00:00Z"),
                Instant.parse("2026-11-25T00:00:00Z"));
        assertEquals(12, lndg.reportQueries().size(), "365 days in windows of 31: 12 requests");
    }

    @Test
    void readsWithOneLoginAndTheSessionNotAPasswordHashPerPage() {
        lndg.withPageSize(2);
        for (int id = 1; id <= 5; id++) {
            lndg.withForward(id, "2026-11-25T10:00:0" + id, 1_000_000L * id, 1.0);
        }
        LndgReportClient client = client(FakeLndg.PASSWORD, ZoneId.of("UTC"));
        client.forwards(Instant.parse("2026-11-25T00:00:00Z"), Instant.parse("2026-11-26T00:00:00Z"));
        client.lndgRebalances(Instant.parse("2026-11-25T00:00:00Z"), Instant.parse("2026-11-26T00:00:00Z"));
        assertEquals(4, lndg.login().sessionRequests(), "3 pages of forwards, 1 of jobs");
        assertEquals(1, lndg.login().logins());
        assertEquals(0, lndg.login().basicAuthentications());
    }

    @Test
    void aRefusedPasswordIsAnErrorWithoutThePassword() {
        LndgException e = assertThrows(LndgException.class,
                () -> client("wrong-secret", ZoneId.of("UTC")).lndgRebalances(Instant.EPOCH, Instant.now()));
        assertTrue(e.getMessage().contains("401") && !e.getMessage().contains("wrong-secret"), e.getMessage());
    }

    @Test
    void keepsLndgsFloatFeesExactlyInMsatAndReadsMicrosecondDatetimes() {
        lndg.withRebalance(3, "2026-11-25T10:00:00.123456", 50_000, 0.4, 2)
                .withRebalance(2, "2026-11-25T11:00:00.5", 60_000, 30.5, 2)
                .withRebalance(1, "2026-11-25T12:00:00", 70_000, 0.001, 2)
                .withForward(7, "2026-11-25T13:14:15.999999", 1_000_000, 0.001)
                .withForward(8, "2026-11-25T13:14:16.000001", 2_000_000, 30.5);
        LndgReportClient client = client(FakeLndg.PASSWORD, ZoneId.of("UTC"));
        Instant from = Instant.parse("2026-11-25T00:00:00Z");
        Instant to = Instant.parse("2026-11-26T00:00:00Z");
        List<Long> fees = client.lndgRebalances(from, to).stream().map(r -> r.fee().value()).toList();
        assertEquals(List.of(400L, 30_500L, 1L), fees);
        assertEquals(Instant.parse("2026-11-25T10:00:00.123456Z"), client.lndgRebalances(from, to).get(0).stop());
        assertEquals(List.of(new Activity.Forward(Instant.parse("2026-11-25T13:14:16.000001Z"), Msat.of(2_000_000), Msat.of(30_500)),
                new Activity.Forward(Instant.parse("2026-11-25T13:14:15.999999Z"), Msat.of(1_000_000), Msat.of(1))), client.forwards(from, to));
    }

    @Test
    void aForwardArrivingWhileThePagesAreReadIsNotCountedTwice() {
        lndg.withPageSize(2);
        for (int id = 1; id <= 5; id++) {
            lndg.withForward(id, "2026-11-25T10:00:0" + id, 1_000_000L * id, 1.0);
        }
        lndg.afterNextForwardsPage(() -> lndg.withForward(6, "2026-11-25T10:00:06", 6_000_000, 1.0));
        List<Activity.Forward> forwards = client(FakeLndg.PASSWORD, ZoneId.of("UTC"))
                .forwards(Instant.parse("2026-11-25T00:00:00Z"), Instant.parse("2026-11-26T00:00:00Z"));
        assertEquals(List.of(5_000_000L, 4_000_000L, 3_000_000L, 2_000_000L, 1_000_000L),
                forwards.stream().map(f -> f.amountOut().value()).toList(),
                "each once; the one that arrived after the first page is read next time");
        assertTrue(lndg.reportQueries().get(1).contains("id__lt=4"), lndg.reportQueries().toString());
    }
}
