package org.regolancer.orchestrator.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regolancer.orchestrator.books.Books;
import org.regolancer.orchestrator.books.LedgerRefills;
import org.regolancer.orchestrator.fixtures.TestChannels;
import org.regolancer.orchestrator.ops.ErrorLog;
import org.regolancer.orchestrator.ops.Secrets;
import org.regolancer.orchestrator.pairing.Channel;
import org.regolancer.orchestrator.pairing.ChannelId;
import org.regolancer.orchestrator.report.LedgerReader;

class LedgerRowTest {

    /** Aliases a spreadsheet would take for formulas, and ones that only look like it. */
    private static final List<String> ALIASES = List.of("=HYPERLINK(\"http://evil.example\",\"click\")", "@SUM(A1:A9)",
            "+49 node", "-1 sat", "\tTabbed", "\rReturn", "'quoted", "''twice", "plain", "a=b", "", "=");

    private static final Instant PAID = Instant.parse("2026-11-25T09:29:41Z");
    private final Channel target = TestChannels.targetChannel(11);

    @TempDir
    Path dir;

    private Payment payment(String sourceAlias, String targetAlias) {
        return new Payment(PAID, new ChannelId("905399447106748416"), sourceAlias, target.id(), targetAlias, Msat.of(58_596_000),
                Msat.of(52_737));
    }

    @Test
    void aCellASpreadsheetWouldTakeForAFormulaIsWrittenAsTextAndEveryAliasReadsBackAsItWas() throws Exception {
        for (String alias : ALIASES) {
            List<String> cells = LedgerRow.of(payment(alias, alias));
            String line = Ledger.FORMAT.format(cells.toArray());
            CSVRecord read = Ledger.FORMAT.parse(new StringReader(line + "\r\n")).getRecords().get(0);
            char first = alias.isEmpty() ? ' ' : alias.charAt(0);
            boolean formulaLike = "=+-@\t\r'".indexOf(first) >= 0;
            assertEquals(formulaLike ? "'" + alias : alias, read.get(2), "the source alias as the file holds it");
            assertEquals(alias, LedgerRow.cell(read.get(2)), "read back as it was");
            assertEquals(alias, LedgerRow.cell(read.get(4)));
            assertEquals(List.of("2026-11-25T09:29:41Z", "905399447106748416", target.id().value(), "58596", "52737", "900"),
                    List.of(read.get(0), read.get(1), read.get(3), read.get(5), read.get(6), read.get(7)), "numbers as ever");
            assertEquals(Sat.of(58_596), LedgerRow.sats(read.get(5)), "the amount reads back as the payment's whole sats");
            assertEquals(Msat.of(52_737), LedgerRow.msat(read.get(6)), "the fee reads back to the msat");
        }
    }

    @Test
    void theReportAndTheBooksReadTheSameAmountsWhateverTheAliases() throws Exception {
        Path file = dir.resolve("rebalances.csv");
        PendingRows nowhere = new PendingRows() {
            @Override
            public void keep(String csv) {
                throw new AssertionError("the disk took every row");
            }

            @Override
            public String load() {
                return "";
            }

            @Override
            public void clear() {
            }
        };
        Ledger ledger = new Ledger(file, nowhere, new ErrorLog(dir.resolve("errors.log"), new Secrets("", "", ""),
                Clock.systemUTC()));
        for (String alias : ALIASES) {
            assertTrue(ledger.append(Ledger.FORMAT.format(LedgerRow.of(payment(alias, alias)).toArray()) + "\r\n"));
        }
        assertTrue(Files.readString(file, StandardCharsets.UTF_8).contains("\"'=HYPERLINK("), "a formula is text in the file");

        LedgerReader.Read report = LedgerReader.read(file);
        assertEquals(0, report.malformed());
        assertEquals(ALIASES.size(), report.payments().size());
        report.payments().forEach(p -> assertEquals(List.of(PAID, Sat.of(58_596), Msat.of(52_737)), List.of(p.time(), p.amount(), p.fee())));

        Books books = new Books(Duration.ofDays(30));
        Instant now = PAID.plusSeconds(60);
        assertEquals(0, LedgerRefills.read(file, books, now));
        assertEquals(Sat.of(ALIASES.size() * 58_596L), books.read(List.of(target), now).get(target.id()).refilled());
    }

    @Test
    void exactlyOneLeadingQuoteIsTakenOffWhenRead() {
        assertEquals("'x", LedgerRow.cell("''x"));
        assertEquals("x'", LedgerRow.cell("x'"));
        assertEquals("", LedgerRow.cell("'"));
        assertEquals("''x", LedgerRow.written("'x"));
    }
}
