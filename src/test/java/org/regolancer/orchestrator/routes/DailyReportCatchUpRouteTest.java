package org.regolancer.orchestrator.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.regolancer.orchestrator.fixtures.DaemonRouteTestSupport;
import org.regolancer.orchestrator.fixtures.StandinRegolancer;

/** The daemon was down at report time: the missed day's report goes out once after start, marked late. */
class DailyReportCatchUpRouteTest extends DaemonRouteTestSupport {

    private LocalDate missed;

    @Override
    protected Properties useOverridePropertiesWithPropertiesComponent() {
        Properties properties = new Properties();
        properties.put("report.catch-up-delay-ms", "300");
        return properties;
    }

    @Override
    protected void arrange() throws IOException {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        // the report time is 00:00:01 UTC: it has passed today (unless the test runs in that very second)
        missed = LocalTime.now(ZoneOffset.UTC).isAfter(LocalTime.of(0, 0, 1)) ? today : today.minusDays(1);
        Files.createDirectories(dataDir);
        Files.writeString(dataDir.resolve("daily-report.sent"), today.minusDays(3) + "\n");
        lndg.withChannels(List.of());
        regolancer = new StandinRegolancer(work.resolve("bin"), "* * fail");
    }

    @Override
    protected Map<String, String> settings() {
        return Map.of("REPORT_CRON", "1 0 0 * * ?", "REPORT_TIMEZONE", "UTC");
    }

    @Test
    void sendsTheMissedDayOnceMarkedLate() throws Exception {
        assertTrue(await(Duration.ofSeconds(15), () -> telegram.delivered().size() == 1));
        String text = telegram.delivered().get(0).path("text").asText();
        assertTrue(text.contains("⏰ <i>late"), text);
        assertTrue(text.contains(String.valueOf(missed.getDayOfMonth())), text);
        assertTrue(await(Duration.ofSeconds(5), () -> reportSentMarker().equals(missed.toString())), reportSentMarker());
        // the catch-up (a timer that fires once) has ended: it sent what it had to
        assertTrue(await(Duration.ofSeconds(5), () -> context.getInflightRepository().size("report-catch-up") == 0));
        assertEquals(1, telegram.delivered().size());
    }
}
