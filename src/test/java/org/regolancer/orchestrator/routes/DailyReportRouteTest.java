package org.regolancer.orchestrator.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.regolancer.orchestrator.fixtures.DaemonRouteTestSupport;
import org.regolancer.orchestrator.fixtures.StandinRegolancer;

/**
 * The daily report against stand-in LNDg (rebalancer and forwards, paged) and Telegram: every figure checked
 * against hand-computed values, the chart uploaded, the history back-filled, and no second report for the day.
 */
class DailyReportRouteTest extends DaemonRouteTestSupport {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    LocalDate today;
    LocalDate yesterday;

    static String naiveUtc(ZonedDateTime time) {
        return LocalDateTime.ofInstant(time.toInstant(), ZoneOffset.UTC).toString();
    }

    @Override
    protected void arrange() throws IOException {
        ZonedDateTime now = ZonedDateTime.now(BERLIN);
        Assumptions.assumeTrue(now.toLocalTime().isBefore(java.time.LocalTime.of(23, 58)), "not across midnight");
        today = now.toLocalDate();
        yesterday = today.minusDays(1);
        ZonedDateTime todayStart = today.atStartOfDay(BERLIN);
        ZonedDateTime yesterdayStart = yesterday.atStartOfDay(BERLIN);

        Files.createDirectories(dataDir);
        Files.writeString(dataDir.resolve("rebalances.csv"), String.join("\r\n",
                "time_utc,source_chan_id,source_alias,target_chan_id,target_alias,amount_sat,fee_msat,fee_ppm",
                yesterdayStart.plusHours(1).toInstant() + ",1,A,2,B,100000,50000,500",
                todayStart.plusSeconds(1).toInstant() + ",1,A,2,B,100000,90000,900",
                "not a date,1,A,2,B,1,1,1",
                todayStart.plusSeconds(2).toInstant() + ",1,A,2,B,50000,25000,500") + "\r\n");
        lndg.withPageSize(2)
                .withRebalance(5, naiveUtc(todayStart.plusMinutes(1)), 200_000, 150.0, 2)
                .withRebalance(4, naiveUtc(todayStart.plusMinutes(2)), 999_999, 1.0, 3)
                .withRebalance(2, naiveUtc(todayStart.minusDays(400)), 777_777, 1.0, 2)
                .withRebalance(3, naiveUtc(todayStart.minusDays(100).plusHours(5)), 1_000, 1.0, 2)
                .withRebalance(1, naiveUtc(todayStart.minusDays(100).plusHours(6)), 2_000, null, 2)
                .withForward(10, naiveUtc(todayStart.plusMinutes(3)), 1_000_000_000, 1.5)
                .withForward(11, naiveUtc(todayStart.plusMinutes(4)), 2_000_000_000, 2.25)
                .withForward(12, naiveUtc(todayStart.plusMinutes(5)), 500_000_000, 0.75)
                .withForward(9, naiveUtc(yesterdayStart.plusHours(2)), 1_000_000_000, 10.0)
                .withChannels(List.of());
        regolancer = new StandinRegolancer(work.resolve("bin"), "* * fail");
    }

    @Override
    protected Map<String, String> settings() {
        return Map.of("REPORT_CRON", "0/2 * * * * ?", "REPORT_TIMEZONE", "Europe/Berlin", "LNDG_TIMEZONE", "UTC");
    }

    private List<JsonNode> reports() {
        return telegram.delivered().stream().filter(m -> m.path("text").asText().startsWith("📊")).toList();
    }

    @Test
    void sendsTodaysFiguresWithAChartOnceAndBackfillsTheHistory() throws Exception {
        assertTrue(await(Duration.ofSeconds(20), () -> reports().size() == 1 && telegram.photos().size() == 1
                && reportSentMarker().equals(today.toString())), "report, chart, and the day marked sent");
        String text = reports().get(0).path("text").asText();
        assertEquals("HTML", reports().get(0).path("parse_mode").asText());
        assertTrue(text.contains("Europe/Berlin, day so far"), text);
        assertTrue(text.contains("<b>Rebalanced</b> 350,000 sat in 3 payments, fees 265 sat"), text);
        assertTrue(text.contains("• regolancer: 2 × 150,000 sat · fees 115 sat · 767 ppm · 43 %"), text);
        assertTrue(text.contains("• LNDg AR: 1 × 200,000 sat · fees 150 sat · 57 %"), text);
        assertTrue(text.contains("<b>Forwarded</b> 3,500,000 sat in 3 forwards, earned 4.5 sat"), text);
        assertTrue(text.contains("<b>Net</b> −260.5 sat"), text);
        assertTrue(text.contains("yesterday: +250 % · +250 % · −551.3 %"), text);
        // the books of the last 30 days: channel 2 got our 3 refills (100,000 + 100,000 + 50,000 sat for 50 + 90 + 25
        // sat) and forwarded out 4 times (10 + 1.5 + 2.25 + 0.75 sat); LNDg's job went to a peer without a channel
        assertTrue(text.endsWith("<b>Channels</b>, last 30 days (refills × sat · fees paid · earned out · earned ÷ paid, sat)\n"
                + "⚠️ 2: 3 × 250k · 165 · 14.5 · 0.09×"), text);

        byte[] photo = telegram.photos().get(0);
        String multipart = new String(photo, StandardCharsets.ISO_8859_1);
        assertTrue(multipart.contains("\u0089PNG"), "a PNG was uploaded");

        List<String> history = Files.readAllLines(dataDir.resolve("daily-report.csv"));
        assertEquals(1 + 365, history.size(), "header and the last 365 completed days");
        assertTrue(history.contains(yesterday + ",1,100000,50000,500,0,0,0,1,1000000,10000,100000,50000,-40000,100,0"),
                history.get(history.size() - 1));
        assertTrue(history.stream().noneMatch(l -> l.startsWith(today.toString())), "today is stored once it has ended");

        // two whole firings after the report went out (the first may be the one that sent it): the cron fired again
        NotifyBuilder firedAgain = new NotifyBuilder(context).fromRoute("report-schedule").whenCompleted(2).create();
        assertTrue(firedAgain.matches(10, TimeUnit.SECONDS), "the cron fires every 2 s");
        assertEquals(1, reports().size(), "the cron fired again, the day was not reported twice");
        assertEquals(1, telegram.photos().size());
        assertEquals(366, Files.readAllLines(dataDir.resolve("daily-report.csv")).size(), "nothing rewritten");
        assertTrue(lndg.reportQueries().stream().anyMatch(q -> q.contains("id__lt=3")), "rebalancer paged by cursor");
        LocalDate hundredDaysAgo = today.minusDays(100);
        assertTrue(history.stream().anyMatch(l -> l.startsWith(hundredDaysAgo + ",0,0,0,0,2,3000,,")),
                "both jobs of the second page, and their fee unknown as LNDg did not report one of them");
        assertTrue(lndg.reportQueries().stream().anyMatch(q -> q.startsWith("forwards?") && q.contains("id__lt=")),
                "forwards paged by cursor");
        assertTrue(errorLines().stream().anyMatch(l -> l.contains("1 malformed rows in rebalances.csv skipped")));
    }
}
