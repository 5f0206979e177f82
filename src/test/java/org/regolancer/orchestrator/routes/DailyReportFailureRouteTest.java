package org.regolancer.orchestrator.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.regolancer.orchestrator.fixtures.DaemonRouteTestSupport;
import org.regolancer.orchestrator.fixtures.FakeLndg;
import org.regolancer.orchestrator.fixtures.StandinRegolancer;

/** LNDg failing at report time: an errors.log line, one Telegram alert a day however often it is retried. */
class DailyReportFailureRouteTest extends DaemonRouteTestSupport {

    @Override
    protected void arrange() throws IOException {
        lndg.withForwardsFailing(true).withChannels(List.of());
        regolancer = new StandinRegolancer(work.resolve("bin"), "* * fail");
    }

    @Override
    protected Map<String, String> settings() {
        return Map.of("REPORT_CRON", "0/2 * * * * ?", "REPORT_TIMEZONE", "UTC");
    }

    @Test
    void alertsOnceADayAndStoresNothingHalfDone() throws Exception {
        assertTrue(await(Duration.ofSeconds(15), () -> lndg.reportQueries().stream()
                .filter(q -> q.startsWith("forwards")).count() >= 3), "the report was tried at least three times");
        List<String> alerts = telegram.delivered().stream().map(m -> m.path("text").asText())
                .filter(t -> t.contains("failed")).toList();
        assertEquals(1, alerts.size(), telegram.delivered().toString());
        assertTrue(alerts.get(0).matches("⚠️ <b>Daily report for \\d{4}-\\d\\d-\\d\\d failed</b>: LNDg /api/forwards/ answered "
                + "HTTP 500 \\(Server Error \\(500\\)\\): LNDg itself failed; its log says why; retrying every 10 minutes for "
                + "24 hours"), "what failed and why, no class name: " + alerts.get(0));
        assertTrue(telegram.delivered().stream().noneMatch(m -> m.path("text").asText().startsWith("📊")));
        assertFalse(Files.exists(dataDir.resolve("daily-report.sent")));
        assertFalse(Files.exists(dataDir.resolve("daily-report.csv")), "no history from a failed report");
        List<String> reportErrors = errorLines().stream().filter(l -> l.contains("[report]")).toList();
        assertEquals(1, reportErrors.size(), "the same failure repeating is one line: " + reportErrors);
        assertTrue(reportErrors.get(0).contains("[report] daily report for ") && reportErrors.get(0).contains(
                " failed: LNDg /api/forwards/ answered HTTP 500") && !reportErrors.get(0).contains("Exception"), reportErrors.get(0));
        assertFalse(String.join("\n", errorLines()).contains(FakeLndg.PASSWORD));
    }
}
