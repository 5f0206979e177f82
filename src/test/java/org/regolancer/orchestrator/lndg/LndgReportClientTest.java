package org.regolancer.orchestrator.lndg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.regolancer.orchestrator.fixtures.FakeLndg;
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
        return new LndgReportClient(URI.create(lndg.baseUrl()), FakeLndg.USER, password, zone, Duration.ofSeconds(2),
                Duration.ofSeconds(5));
    }

    @Test
    void readsNaiveDatetimesInLndgsOwnZone() {
        lndg.withForward(1, "2026-11-25T00:30:00", 2_000_000, 0.5);
        List<Activity.Forward> forwards = client(FakeLndg.PASSWORD, ZoneId.of("Europe/Berlin"))
                .forwards(Instant.parse("2026-11-24T00:00:00Z"), Instant.parse("2026-11-26T00:00:00Z"));
        assertEquals(List.of(new Activity.Forward(Instant.parse("2026-11-24T23:30:00Z"), 2_000_000, 500)), forwards);
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
    void aRefusedPasswordIsAnErrorWithoutThePassword() {
        LndgException e = assertThrows(LndgException.class,
                () -> client("wrong-secret", ZoneId.of("UTC")).lndgRebalances(Instant.EPOCH, Instant.now()));
        assertTrue(e.getMessage().contains("401") && !e.getMessage().contains("wrong-secret"), e.getMessage());
    }
}
