package org.regolancer.orchestrator.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.regolancer.orchestrator.ledger.Msat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regolancer.orchestrator.fixtures.ReadOnlyMount;
import org.regolancer.orchestrator.ops.ErrorLog;
import org.regolancer.orchestrator.ops.Secrets;

class ReportServiceTest {

    @TempDir
    Path dir;

    private Instant now = Instant.parse("2026-11-25T22:59:00Z");
    private final List<String> fetches = new ArrayList<>();

    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.fixed(now, zone);
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    private final ActivitySource lndg = new ActivitySource() {
        @Override
        public List<Activity.LndgRebalance> lndgRebalances(Instant from, Instant to) {
            fetches.add(from + "/" + to);
            return List.of();
        }

        @Override
        public List<Activity.Forward> forwards(Instant from, Instant to) {
            return List.of(new Activity.Forward(Instant.parse("2026-11-25T10:00:00Z"), Msat.of(5_000_000), Msat.of(500)));
        }
    };

    private ReportService service() {
        return new ReportService(ZoneId.of("Europe/Berlin"), "0 59 23 * * ?", lndg, dir, clock,
                new ErrorLog(dir.resolve("errors.log"), new Secrets("u", "p", ""), clock), ReportChart::png);
    }

    @Test
    void aDaySentIsNeverDueAgain() throws Exception {
        ReportService reports = service();
        LocalDate today = LocalDate.of(2026, 11, 25);
        assertEquals(today, reports.dueNow());
        reports.sent(reports.build(today, true));
        assertNull(reports.dueNow());
        assertNull(service().dueNow(), "remembered across a restart");
    }

    @Test
    void aReportSentWhileItsMarkerCannotBeWrittenIsNotSentAgainEveryTenMinutes() throws Exception {
        // daily-report.sent.tmp is a folder with a file in it: the marker cannot be written, as on a refusing disk
        Files.createDirectories(dir.resolve("daily-report.sent.tmp"));
        Files.writeString(dir.resolve("daily-report.sent.tmp/in-the-way"), "x");
        ReportService reports = service();
        LocalDate today = LocalDate.of(2026, 11, 25);
        reports.failed(today, new IOException("LNDg down"));
        reports.sent(reports.build(today, true));
        assertNull(reports.dueNow(), "sent is sent");
        assertNull(reports.retryDue(), "no retry of a report that went out");
        assertTrue(Files.readString(dir.resolve("errors.log")).contains("daily-report.sent cannot be written"));
        assertFalse(Files.exists(dir.resolve("daily-report.sent")));
    }

    @Test
    void onADiskGoneReadOnlyTheReportIsStillBuiltAndSentOnceAndNoFileIsTouched() throws Exception {
        ReportService reports = service();
        reports.sent(reports.build(LocalDate.of(2026, 11, 25), true));
        Path history = dir.resolve("daily-report.csv");
        long historySize = Files.size(history);
        ReadOnlyMount mount = ReadOnlyMount.of(dir);
        assumeTrue(mount != null, "mount --bind is not allowed here");
        try {
            assertTrue(mount.readOnly());
            now = now.plus(Duration.ofDays(1));
            LocalDate today = LocalDate.of(2026, 11, 26);
            assertEquals(today, reports.dueNow());
            ReportService.Report report = reports.build(today, true);
            assertEquals(today, report.date(), "built although yesterday could not be stored");
            assertFalse(report.text().isBlank());
            reports.sent(report);
            assertNull(reports.dueNow(), "not due again");
            assertNull(reports.retryDue(), "and not retried");
            assertEquals(historySize, Files.size(history));
            assertEquals("2026-11-25", Files.readString(dir.resolve("daily-report.sent")).strip());
        } finally {
            mount.close();
        }
    }

    @Test
    void theFirstBuildBackfillsTheLast365DaysInOneBoundedFetchAndTheNextOnlyTheNewDay() throws Exception {
        ReportService reports = service();
        reports.build(LocalDate.of(2026, 11, 25), true);
        assertEquals(1, fetches.size());
        assertEquals(1 + 365, Files.readAllLines(dir.resolve("daily-report.csv")).size());
        now = now.plus(Duration.ofDays(1));
        reports.build(LocalDate.of(2026, 11, 26), true);
        assertEquals(1 + 366, Files.readAllLines(dir.resolve("daily-report.csv")).size(), "25 Nov stored once ended");
        assertEquals("2026-11-24T23:00:00Z/2026-11-26T23:00:00Z", fetches.get(1),
                "only the newly ended day and today are fetched: Berlin midnights");
    }

    @Test
    void theReportCommandsBuildStoresNothing() throws Exception {
        service().build(LocalDate.of(2026, 11, 25), false);
        assertFalse(Files.exists(dir.resolve("daily-report.csv")));
        assertFalse(Files.exists(dir.resolve("daily-report.sent")));
    }

    @Test
    void aMissedReportTimeIsCaughtUpOnceAndMarkedLate() throws Exception {
        ReportService reports = service();
        assertNull(reports.missedDay(), "never sent anything: nothing known to be missed");
        Files.writeString(dir.resolve("daily-report.sent"), "2026-11-23\n");
        now = Instant.parse("2026-11-26T07:00:00Z");
        LocalDate missed = reports.missedDay();
        assertEquals(LocalDate.of(2026, 11, 25), missed, "the 25th's 23:59 passed while down");
        ReportService.Report report = reports.build(missed, true);
        assertTrue(report.late() && report.dayComplete());
        reports.sent(report);
        assertNull(reports.missedDay());
    }

    @Test
    void aFailedReportIsRetriedFor24HoursWithOneAlertADay() throws Exception {
        now = Instant.parse("2026-11-25T12:00:00Z");
        ReportService reports = service();
        LocalDate day = LocalDate.of(2026, 11, 25);
        assertNotNull(reports.failed(day, new IllegalStateException("LNDg down")), "the first failure alerts");
        now = now.plus(Duration.ofMinutes(10));
        assertEquals(day, reports.retryDue());
        assertNull(reports.failed(day, new IllegalStateException("LNDg down")), "no second alert the same day");
        now = Instant.parse("2026-11-25T23:10:00Z");
        assertNotNull(reports.failed(day, new IllegalStateException("LNDg down")), "00:10 in Berlin: a new day, one more alert");
        now = Instant.parse("2026-11-26T11:59:00Z");
        assertEquals(day, reports.retryDue(), "still within 24 hours of the first failure");
        now = Instant.parse("2026-11-26T12:01:00Z");
        assertNull(reports.retryDue(), "given up after 24 hours");
        assertTrue(Files.readString(dir.resolve("errors.log")).contains("gave up the daily report for 2026-11-25"));
    }

    private static String statRow(String utc, long amountMsat, long feesMsat) {
        return Instant.parse(utc).getEpochSecond() + ",905399447106748416,893182773332606977," + amountMsat + "," + feesMsat;
    }

    @Test
    void thePythonOriginalsFolderIsItsHistoryCountedOnceAndNeverCopied() throws Exception {
        // our first payment on the 20th; the original's stat file has rows before it and (as ours) after it
        Files.writeString(dir.resolve("rebalances.csv"), String.join("\r\n",
                "time_utc,source_chan_id,source_alias,target_chan_id,target_alias,amount_sat,fee_msat,fee_ppm",
                "2026-11-20T10:00:00Z,905399447106748416,A,893182773332606977,B,100000,50000,500",
                "2026-11-25T09:00:00Z,905399447106748416,A,893182773332606977,B,40000,20000,500") + "\r\n");
        Files.writeString(dir.resolve("success-rebal.csv"), String.join("\n",
                "timestamp,from_channel,to_channel,amount_msat,fees_msat",
                statRow("2026-06-10T10:00:00Z", 500_000_000, 250_000),
                statRow("2026-11-02T10:00:00Z", 200_000_000, 100_000),
                statRow("2026-11-20T10:00:00Z", 100_000_000, 50_000),
                statRow("2026-11-25T09:00:00Z", 40_000_000, 20_000),
                "not,a,stat,row") + "\n");
        String original = "date,lndg_sats,regolancer_sats,los_sats,forwards_sats\r\n"
                + "2026-03-15,0,70000,30000,1000000\r\n"
                + "2026-06-10,5000,999999,0,0\r\n";
        Files.writeString(dir.resolve("daily-report.csv"), original);
        ReportService reports = service();
        // the template names the same stat file another way: read once
        reports.templateStat(dir.resolve("sub/../success-rebal.csv"));
        Files.createDirectories(dir.resolve("sub"));

        reports.convertHistory();
        assertEquals(original, Files.readString(dir.resolve("daily-report-python.csv")), "moved aside as it was");
        assertFalse(Files.exists(dir.resolve("daily-report.csv")));

        String text = reports.build(LocalDate.of(2026, 11, 25), true).text();
        assertTrue(text.contains("• regolancer: 1 × 40,000 sat"), "today's stat row is ours, counted once: " + text);
        assertTrue(text.endsWith("\nNov 2026: 340k · 5k · 170 · 0.5 · −169.5 — regolancer 340k (100 %), LNDg 0 (0 %)"),
                "the original's 2 Nov payment and our two: " + text);
        assertTrue(text.contains("\nJun 2026: 505k · 0 · 250 · 0 · −250 — regolancer 500k (99 %), LNDg 5k (1 %)\n"),
                "regolancer from the stat file, not also the original's report; LNDg's from its report: " + text);
        assertTrue(text.contains("\nMar 2026: 100k · 1M · 0 · 0 · 0 — regolancer 70k (70 %), LNDg 0 (0 %), LOS 30k (30 %)\n"),
                "before the stat file begins, the original's report: " + text);

        List<String> history = Files.readAllLines(dir.resolve("daily-report.csv"));
        assertEquals(String.join(",", HistoryFile.HEADER), history.get(0), "our header on a file of our own");
        assertTrue(history.contains("2026-11-02,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0"), "the original's payments are not stored as ours");
        assertTrue(history.contains("2026-11-20,1,100000,50000,500,0,0,0,0,0,0,100000,50000,-50000,100,0"));
        assertTrue(history.stream().noneMatch(l -> l.startsWith("2026-03-15,0,70000")));
        assertEquals(original, Files.readString(dir.resolve("daily-report-python.csv")), "never written to");
        assertEquals(3, Files.readAllLines(dir.resolve("rebalances.csv")).size(), "nothing copied into the ledger");
        List<String> errors = Files.readAllLines(dir.resolve("errors.log"));
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).contains("1 malformed rows in the Python orchestrator's success-rebal.csv skipped"), errors.get(0));
    }

    @Test
    void theReportCommandReadsTheOriginalsFileWhereItIsAndMovesNothing() throws Exception {
        String original = "date,lndg_sats,regolancer_sats,los_sats,forwards_sats\r\n2026-11-10,0,0,12000,0\r\n";
        Files.writeString(dir.resolve("daily-report.csv"), original);
        String text = service().build(LocalDate.of(2026, 11, 25), false).text();
        assertTrue(text.contains("— regolancer 0 (0 %), LNDg 0 (0 %), LOS 12k (100 %)"), text);
        assertEquals(original, Files.readString(dir.resolve("daily-report.csv")));
        assertFalse(Files.exists(dir.resolve("daily-report-python.csv")));
        assertFalse(Files.exists(dir.resolve("errors.log")), "the original's file is no unknown file");
    }

    @Test
    void aHistoryFileOfUnknownColumnsIsKeptAndSaidOnceAndTheReportStillGoesOut() throws Exception {
        String foreign = "date,foo\n2026-11-01,1\n";
        Files.writeString(dir.resolve("daily-report.csv"), foreign);
        ReportService reports = service();
        reports.convertHistory();
        ReportService.Report report = reports.build(LocalDate.of(2026, 11, 25), true);
        assertTrue(report.text().contains("<b>Forwarded</b> 5,000 sat in 1 forwards"), report.text());
        reports.build(LocalDate.of(2026, 11, 25), true);
        assertEquals(foreign, Files.readString(dir.resolve("daily-report.csv")));
        List<String> errors = Files.readAllLines(dir.resolve("errors.log"));
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).contains("daily-report.csv has columns this version does not know (date,foo): not read and "
                + "nothing appended"), errors.get(0));
    }

    @Test
    void aPastDayLookedAtOnDemandIsNotLate() throws Exception {
        ReportService.Report report = service().build(LocalDate.of(2026, 11, 20), false);
        assertTrue(report.dayComplete());
        assertFalse(report.late());
        assertFalse(report.text().contains("late"), report.text());
        assertTrue(report.text().contains("whole day"), report.text());
    }
}
