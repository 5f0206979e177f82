package org.regolancer.orchestrator.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.regolancer.orchestrator.fixtures.TestChannels.source;
import static org.regolancer.orchestrator.fixtures.TestChannels.target;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.regolancer.orchestrator.fixtures.DaemonRouteTestSupport;
import org.regolancer.orchestrator.fixtures.StandinRegolancer;

/**
 * The daemon started on the Python original's folder as DATA_DIR: its template (whose {@code stat} is the folder's
 * success-rebal.csv), its stat file with the original's payments, and its 5-column daily-report.csv. The first start
 * moves that file aside and pays once; a row regolancer writes to the old stat file after that is not counted; the
 * daily report shows the original's payments on their days and its record where ours has none, and stores neither.
 */
class OriginalFolderRouteTest extends DaemonRouteTestSupport {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.ENGLISH);

    private LocalDate today;
    private String original;

    private static String statRow(LocalDate day, long amountMsat, long feesMsat) {
        return day.atTime(12, 0).toEpochSecond(ZoneOffset.UTC) + ",905399447106748416,893182773332606977," + amountMsat + ","
                + feesMsat;
    }

    @Override
    protected void arrange() throws IOException {
        today = LocalDate.now(ZoneOffset.UTC);
        Assumptions.assumeTrue(java.time.LocalTime.now(ZoneOffset.UTC).isBefore(java.time.LocalTime.of(23, 58)),
                "not across midnight");
        Files.createDirectories(dataDir);
        ObjectNode template = (ObjectNode) new ObjectMapper().readTree(Path.of("config.template.json").toFile());
        template.put("stat", "success-rebal.csv");
        Files.writeString(dataDir.resolve("config.template.json"), template.toPrettyString());
        Files.writeString(dataDir.resolve("success-rebal.csv"), String.join("\n",
                "timestamp,from_channel,to_channel,amount_msat,fees_msat",
                statRow(today.minusDays(70), 300_000_000, 150_000),
                statRow(today.minusDays(10), 200_000_000, 100_000),
                "garbage") + "\n");
        LocalDate before = today.minusDays(150);
        original = "date,lndg_sats,regolancer_sats,los_sats,forwards_sats\r\n"
                + before + ",20000,70000,30000,500000\r\n"
                + today.minusDays(10) + ",0,999999,0,0\r\n";
        Files.writeString(dataDir.resolve("daily-report.csv"), original);
        lndg.withChannels(List.of(source(1, "SourceOne"), target(11, "SinkOne")));
        regolancer = new StandinRegolancer(work.resolve("bin"), "* * success 0.2");
    }

    @Override
    protected Map<String, String> settings() {
        return Map.of("CONFIG_TEMPLATE", dataDir.resolve("config.template.json").toString(), "RUN_FOREVER", "false",
                "REPORT_CRON", "0 0 0 1 1 ? 2099", "REPORT_TIMEZONE", "UTC");
    }

    private List<JsonNode> reports() {
        return telegram.delivered().stream().filter(m -> m.path("text").asText().startsWith("📊")).toList();
    }

    @Test
    void theOriginalsHistoryIsInTheReportOnceAndItsFilesAreKept() throws Exception {
        assertEquals(original, Files.readString(dataDir.resolve("daily-report-python.csv")), "moved aside at the start");
        assertTrue(await(Duration.ofSeconds(30), lifecycle::isFinished), "the one cycle ends");
        assertEquals(2, ledgerLines().size(), "our first payment: " + ledgerLines());
        // regolancer writes to the old stat file after our first payment (e.g. the original still running): ours now
        long now = Instant.now().getEpochSecond();
        assertTrue(Instant.parse(ledgerLines().get(1).split(",")[0]).getEpochSecond() <= now);
        Files.writeString(dataDir.resolve("success-rebal.csv"), now + ",905399447106748416,893182773332606977,1000000000,900000\n",
                StandardOpenOption.APPEND);

        template.sendBody("direct:send-report", today);
        assertTrue(await(Duration.ofSeconds(20), () -> reports().size() == 1 && reportSentMarker().equals(today.toString())));
        String text = reports().get(0).path("text").asText();

        assertTrue(text.contains("• regolancer: 1 × 19,532 sat"), "today: our payment alone: " + text);
        boolean tenDaysAgoThisMonth = YearMonth.from(today.minusDays(10)).equals(YearMonth.from(today));
        String thisMonth = "\n" + MONTH.format(today) + ": ";
        int at = text.indexOf(thisMonth);
        String monthLine = text.substring(at + 1, text.indexOf('\n', at + 1) < 0 ? text.length() : text.indexOf('\n', at + 1));
        assertTrue(monthLine.endsWith(tenDaysAgoThisMonth ? "— regolancer 219.5k (100 %), LNDg 0 (0 %)"
                : "— regolancer 19.5k (100 %), LNDg 0 (0 %)"), "the original's payment 10 days ago and ours: " + text);
        if (!tenDaysAgoThisMonth) {
            assertTrue(text.contains("\n" + MONTH.format(today.minusDays(10)) + ": 200k · 0 · 100 · 0 · −100 — regolancer 200k "
                    + "(100 %), LNDg 0 (0 %)\n"), "from the stat file, not also the original's record: " + text);
        }
        assertTrue(text.contains("\n" + MONTH.format(today.minusDays(70)) + ": 300k · 0 · 150 · 0 · −150 — regolancer 300k "
                + "(100 %), LNDg 0 (0 %)\n"), text);
        assertTrue(text.contains("\n" + MONTH.format(today.minusDays(150)) + ": 120k · 500k · 0 · 0 · 0 — regolancer 70k (58 %), "
                + "LNDg 20k (17 %), LOS 30k (25 %)\n"), "before the stat file begins, the original's record: " + text);

        List<String> history = Files.readAllLines(dataDir.resolve("daily-report.csv"));
        assertEquals(String.join(",", org.regolancer.orchestrator.report.HistoryFile.HEADER), history.get(0));
        assertEquals(1 + 365, history.size(), "our header and our back-filled days, no row of the original's");
        assertTrue(history.contains(today.minusDays(10) + ",0,0,0,0,0,0,0,0,0,0,0,0,0,0,0"),
                "the original's payments are read, not stored as ours");
        assertEquals(original, Files.readString(dataDir.resolve("daily-report-python.csv")), "never written to");
        assertEquals(2, ledgerLines().size(), "nothing of the original's in the ledger");
        List<JsonNode> notices = telegram.delivered().stream().filter(m -> !m.path("text").asText().startsWith("📊")).toList();
        assertEquals(1, notices.size(), "our payment announced, none of the original's: " + notices);
        assertFalse(notices.get(0).path("text").asText().contains("300,000"));
        assertTrue(errorLines().stream().anyMatch(l -> l.contains("1 malformed rows in the Python orchestrator's success-rebal.csv")),
                errorLines().toString());
    }
}
