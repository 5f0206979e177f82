package org.regolancer.orchestrator.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Python original's daily-report.csv: moved aside once, read, and filled in where ours has no record. */
class OriginalDailyReportTest {

    /** As the original's csv.DictWriter writes it (CRLF). */
    static final String ORIGINAL = "date,lndg_sats,regolancer_sats,los_sats,forwards_sats\r\n"
            + "2026-05-01,100000,200000,0,5000000\r\n"
            + "2026-05-02,0,300000,40000,6000000\r\n"
            + "2026-05-0x,1,1,1,1\r\n"
            + "2026-05-03,-1,0,0,0\r\n";

    @TempDir
    Path dir;

    @Test
    void theOriginalsFileIsMovedAsideOnceAndReadFromThere() throws Exception {
        Files.writeString(dir.resolve("daily-report.csv"), ORIGINAL);
        assertTrue(OriginalDailyReport.isOriginals(dir.resolve("daily-report.csv")));
        OriginalDailyReport.Read inPlace = OriginalDailyReport.read(dir);
        assertEquals(dir.resolve("daily-report.csv"), inPlace.file(), "read where it is before it is moved");

        assertEquals(OriginalDailyReport.Move.MOVED, OriginalDailyReport.moveAside(dir));
        assertFalse(Files.exists(dir.resolve("daily-report.csv")));
        assertEquals(ORIGINAL, Files.readString(dir.resolve("daily-report-python.csv")), "moved as it was");
        assertEquals(OriginalDailyReport.Move.NOTHING_TO_MOVE, OriginalDailyReport.moveAside(dir), "once");

        OriginalDailyReport.Read read = OriginalDailyReport.read(dir);
        assertEquals(dir.resolve("daily-report-python.csv"), read.file());
        assertEquals(2, read.malformed(), "a bad date and a negative figure");
        assertEquals(new OriginalDailyReport.Day(LocalDate.of(2026, 5, 1), 100_000, 200_000, 0, 5_000_000),
                read.days().get(LocalDate.of(2026, 5, 1)));
        assertEquals(new OriginalDailyReport.Day(LocalDate.of(2026, 5, 2), 0, 300_000, 40_000, 6_000_000),
                read.days().get(LocalDate.of(2026, 5, 2)));
        assertEquals(inPlace.days(), read.days());
    }

    @Test
    void aMovedFileAlreadyThereLeavesBothAsTheyAre() throws Exception {
        Files.writeString(dir.resolve("daily-report.csv"), ORIGINAL);
        Files.writeString(dir.resolve("daily-report-python.csv"), "date,regolancer_sats\n2026-04-01,7\n");
        assertEquals(OriginalDailyReport.Move.MOVED_FILE_EXISTS, OriginalDailyReport.moveAside(dir));
        assertEquals(ORIGINAL, Files.readString(dir.resolve("daily-report.csv")));
        OriginalDailyReport.Read read = OriginalDailyReport.read(dir);
        assertEquals(Map.of(LocalDate.of(2026, 4, 1), new OriginalDailyReport.Day(LocalDate.of(2026, 4, 1), 0, 7, 0, 0)),
                read.days(), "the moved file is the one read; a column an older original did not write is 0");
    }

    @Test
    void ourOwnHistoryIsNotTheOriginalsAndNothingIsRead() throws Exception {
        Files.writeString(dir.resolve("daily-report.csv"), String.join(",", HistoryFile.HEADER) + "\r\n");
        assertFalse(OriginalDailyReport.isOriginals(dir.resolve("daily-report.csv")));
        assertEquals(OriginalDailyReport.Move.NOTHING_TO_MOVE, OriginalDailyReport.moveAside(dir));
        assertNull(OriginalDailyReport.read(dir).file());
        assertTrue(OriginalDailyReport.read(dir).days().isEmpty());
    }

    private static DayFigures day(LocalDate d, long oursCount, long oursSat, long lndgSat, long forwardSat) {
        return new DayFigures(d, oursCount, oursSat, oursCount * 100, lndgSat > 0 ? 1 : 0, lndgSat, 0, true,
                forwardSat > 0 ? 1 : 0, forwardSat, 0);
    }

    @Test
    void eachEngineIsFilledOnlyBeforeOurOwnRecordOfItBeginsAndLightningOsAlways() {
        LocalDate d1 = LocalDate.of(2026, 5, 1);
        Map<LocalDate, DayFigures> ours = new TreeMap<>();
        for (LocalDate d = d1; d.isBefore(d1.plusDays(5)); d = d.plusDays(1)) {
            ours.put(d, DayFigures.empty(d));
        }
        // LNDg's data (ours) begins on the 3rd, forwards on the 2nd; regolancer's record (stat rows or ledger) on the 4th
        ours.put(d1.plusDays(1), day(d1.plusDays(1), 0, 0, 0, 7_000_000));
        ours.put(d1.plusDays(2), day(d1.plusDays(2), 0, 0, 50_000, 0));
        ours.put(d1.plusDays(3), day(d1.plusDays(3), 2, 90_000, 0, 0));
        Map<LocalDate, OriginalDailyReport.Day> original = new TreeMap<>();
        for (int i = 0; i < 6; i++) {
            LocalDate d = d1.plusDays(i - 1);
            original.put(d, new OriginalDailyReport.Day(d, 1_000 + i, 2_000 + i, 3_000 + i, 4_000 + i));
        }
        Map<LocalDate, DayFigures> filled = OriginalDailyReport.fill(ours, original, d1.plusDays(3));

        assertEquals(ours.keySet(), filled.keySet(), "days outside ours are not added");
        DayFigures first = filled.get(d1);
        assertEquals(2_001, first.oursSat());
        assertEquals(0, first.oursCount(), "the original's file has no counts");
        assertEquals(1_001, first.lndgSat());
        assertFalse(first.lndgFeesKnown(), "nor fees");
        assertEquals(4_001, first.forwardSat());
        assertEquals(3_001, first.losSat());
        DayFigures second = filled.get(d1.plusDays(1));
        assertEquals(7_000_000, second.forwardSat(), "forwards: ours from here on");
        assertEquals(1_002, second.lndgSat());
        DayFigures third = filled.get(d1.plusDays(2));
        assertEquals(50_000, third.lndgSat(), "LNDg: ours from here on");
        assertTrue(third.lndgFeesKnown());
        assertEquals(2_003, third.oursSat());
        DayFigures fourth = filled.get(d1.plusDays(3));
        assertEquals(90_000, fourth.oursSat(), "regolancer: ours from here on");
        assertEquals(0, fourth.lndgSat(), "a day of ours without LNDg stays without");
        assertEquals(3_004, fourth.losSat(), "LightningOS: only the original knows it");
        assertEquals(3_005, filled.get(d1.plusDays(4)).losSat());
        assertEquals(90_000 + 3_004, fourth.rebalancedSat());
        assertEquals(97, fourth.oursSharePercent());
        assertEquals(3, fourth.losSharePercent());
        assertEquals(0, fourth.lndgSharePercent());

        Map<LocalDate, DayFigures> noRecord = OriginalDailyReport.fill(Map.of(d1.plusDays(4), DayFigures.empty(d1.plusDays(4))),
                original, null);
        assertEquals(2_005, noRecord.get(d1.plusDays(4)).oursSat(), "no record of ours at all: the original's counts");
    }
}
