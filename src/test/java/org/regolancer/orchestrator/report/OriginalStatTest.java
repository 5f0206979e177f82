package org.regolancer.orchestrator.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Python original's regolancer stat rows as the report's history. */
class OriginalStatTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @TempDir
    Path dir;

    /** A stat row of regolancer's at that time: amount and fees in msat. */
    private static String row(String utc, long amountMsat, long feesMsat) {
        return Instant.parse(utc).getEpochSecond() + ",905399447106748416,893182773332606977," + amountMsat + "," + feesMsat;
    }

    private Path file(String name, String... lines) throws Exception {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, String.join("\n", lines) + "\n");
        return file;
    }

    @Test
    void rowsBeforeOurFirstPaymentCountOnTheirDayInTheReportsZoneAndLaterOnesNot() throws Exception {
        Path stat = file("success-rebal.csv",
                "timestamp,from_channel,to_channel,amount_msat,fees_msat",
                row("2026-10-01T10:00:00Z", 50_000_999, 25_000),
                row("2026-10-01T22:30:00Z", 100_000_000, 80_500),
                row("2026-10-03T09:00:00Z", 70_000_000, 1),
                row("2026-10-05T09:00:00Z", 30_000_000, 9_000),
                row("2026-10-06T09:00:00Z", 40_000_000, 9_000));
        OriginalStat.Read read = OriginalStat.read(List.of(stat), Instant.parse("2026-10-05T09:00:00Z"), BERLIN);

        assertEquals(0, read.malformed(), "the header is no bad row");
        assertEquals(LocalDate.of(2026, 10, 1), read.firstDay());
        DayFigures first = read.days().get(LocalDate.of(2026, 10, 1));
        assertEquals(1, first.oursCount(), "22:30 UTC is the 2nd in Berlin");
        assertEquals(50_000, first.oursSat(), "msat to whole sats, rounded down as the original did");
        assertEquals(25_000, first.oursFeeMsat());
        assertEquals(100_000, read.days().get(LocalDate.of(2026, 10, 2)).oursSat());
        assertEquals(80_500, read.days().get(LocalDate.of(2026, 10, 2)).oursFeeMsat());
        assertEquals(70_000, read.days().get(LocalDate.of(2026, 10, 3)).oursSat());
        assertEquals(List.of(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 2), LocalDate.of(2026, 10, 3)),
                List.copyOf(read.days().keySet()), "the row at our first payment's second and later ones are ours");

        OriginalStat.Read noPaymentYet = OriginalStat.read(List.of(stat), null, BERLIN);
        assertEquals(5, noPaymentYet.days().values().stream().mapToLong(DayFigures::oursCount).sum(),
                "no payment of ours yet: every row is the original's");
    }

    @Test
    void theSameFileNamedTwiceCountsOnceAndTwoFilesBoth() throws Exception {
        Path stat = file("original/success-rebal.csv", row("2026-10-01T10:00:00Z", 10_000_000, 0));
        Path link = Files.createSymbolicLink(dir.resolve("linked.csv"), stat);
        Path otherSpelling = dir.resolve("original/../original/./success-rebal.csv");
        OriginalStat.Read once = OriginalStat.read(List.of(stat, link, otherSpelling), null, BERLIN);
        assertEquals(1, once.days().get(LocalDate.of(2026, 10, 1)).oursCount());

        Path other = file("data/success-rebal.csv", row("2026-10-01T11:00:00Z", 20_000_000, 0));
        OriginalStat.Read both = OriginalStat.read(Arrays.asList(null, stat, other, dir.resolve("missing.csv")), null, BERLIN);
        assertEquals(2, both.days().get(LocalDate.of(2026, 10, 1)).oursCount());
        assertEquals(30_000, both.days().get(LocalDate.of(2026, 10, 1)).oursSat());
    }

    @Test
    void badRowsAreSkippedAndCountedAndAFileThatFailsHalfWayCountsNotAtAll() throws Exception {
        Path stat = file("success-rebal.csv",
                "timestamp,from_channel,to_channel,amount_msat,fees_msat",
                row("2026-10-01T10:00:00Z", 10_000_000, 0),
                "1759312800,1,2,notanumber,0",
                "1759312800,1,2,-5,0",
                "",
                "garbage");
        OriginalStat.Read read = OriginalStat.read(List.of(stat), null, BERLIN);
        assertEquals(3, read.malformed());
        assertEquals(1, read.days().get(LocalDate.of(2026, 10, 1)).oursCount());

        Path broken = dir.resolve("broken.csv");
        byte[] good = (row("2026-10-02T10:00:00Z", 10_000_000, 0) + "\n").getBytes();
        byte[] bytes = Arrays.copyOf(good, good.length + 3);
        bytes[good.length] = (byte) 0xC3;
        bytes[good.length + 1] = (byte) 0x28;
        bytes[good.length + 2] = '\n';
        Files.write(broken, bytes);
        OriginalStat.Read withBroken = OriginalStat.read(List.of(stat, broken), null, BERLIN);
        assertEquals(1, withBroken.unreadable().size());
        assertTrue(withBroken.unreadable().get(0).startsWith(broken.toString()), withBroken.unreadable().get(0));
        assertNull(withBroken.days().get(LocalDate.of(2026, 10, 2)), "not half of a file");
        assertEquals(1, withBroken.days().get(LocalDate.of(2026, 10, 1)).oursCount(), "the readable file still counts");
    }

    @Test
    void theTemplatesStatIsTakenFromTheTemplatesFolder() {
        Path template = dir.resolve("orig/config.template.json");
        assertEquals(dir.resolve("orig/success-rebal.csv"), OriginalStat.templateStat("success-rebal.csv", template));
        assertEquals(Path.of("/home/admin/regolancer-orchestrator/success-rebal.csv"),
                OriginalStat.templateStat("/home/admin/regolancer-orchestrator/success-rebal.csv", template));
        assertNull(OriginalStat.templateStat("", template));
        assertNull(OriginalStat.templateStat(null, template));
    }
}
