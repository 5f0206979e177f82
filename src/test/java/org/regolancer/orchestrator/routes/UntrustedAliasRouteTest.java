package org.regolancer.orchestrator.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.regolancer.orchestrator.fixtures.TestChannels.chanId;
import static org.regolancer.orchestrator.fixtures.TestChannels.source;
import static org.regolancer.orchestrator.fixtures.TestChannels.target;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.regolancer.orchestrator.fixtures.DaemonRouteTestSupport;
import org.regolancer.orchestrator.fixtures.StandinRegolancer;
import org.regolancer.orchestrator.ledger.LedgerRow;

/**
 * Peers' aliases as a hostile peer sets them, through the whole daemon: a newline (with a whole forged log line after
 * it), ESC sequences and bidi controls forge no line in the log or in errors.log and reach neither the terminal nor
 * Telegram; a formula is text in the ledger and reads back as it was.
 */
class UntrustedAliasRouteTest extends DaemonRouteTestSupport {

    private static final String FORGED = "2099-01-01 00:00:00 ERROR [errors] FORGED";
    private static final String FORMULA = "=HYPERLINK(\"http://e.x\",\"x\")";
    /** What is left of the two: no control character, 32 characters (LNDg's and LND's longest alias). */
    private static final String SINK = "Sink2099-01-01 00:00:00 ERROR [e";
    private static final String CRASH = "Crash2099-01-01 00:00:00 ERROR [";

    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private PrintStream stderr;

    @Override
    protected void arrange() throws IOException {
        // the daemon logs to standard error: read it as an operator's terminal or journal would
        stderr = System.err;
        System.setErr(new PrintStream(new OutputStream() {
            @Override
            public synchronized void write(byte[] b, int off, int len) {
                stderr.write(b, off, len);
                captured.write(b, off, len);
            }

            @Override
            public synchronized void write(int b) {
                stderr.write(b);
                captured.write(b);
            }
        }, true, StandardCharsets.UTF_8));
        lndg.withChannels(List.of(source(1, FORMULA), target(11, "Sink\n" + FORGED + "\u001b[2J\u202e"),
                source(2, "S2"), target(12, "Crash\r\n" + FORGED)));
        // the formula's channel is the one that pays into Sink (S2's runs fail and rest); every run into Crash crashes
        regolancer = new StandinRegolancer(work.resolve("bin"), "* " + chanId(12) + " crash", chanId(2) + " * fail",
                "* * success");
    }

    @Override
    protected Map<String, String> settings() {
        return Map.of("SLEEP_SECONDS", "0", "LOG_OPERATIONAL", "true");
    }

    @AfterEach
    void restoreStandardError() {
        System.setErr(stderr);
    }

    private String log() {
        synchronized (captured) {
            return captured.toString(StandardCharsets.UTF_8);
        }
    }

    @Test
    void aNewlineInAnAliasForgesNoLogLineAndAFormulaIsTextInTheLedger() throws Exception {
        assertTrue(await(Duration.ofSeconds(30), () -> ledgerLines().stream().anyMatch(l -> l.contains("," + chanId(1) + ","))
                && errorLines().stream().anyMatch(l -> l.contains("regolancer exited with"))),
                "a payment out of the formula's channel and a crash into Crash: " + errorLines());
        assertTrue(await(Duration.ofSeconds(10), () -> log().lines().anyMatch(l -> l.contains("Rebalanced"))), log());

        // the aliases did reach the log and errors.log, whole but for what could break a line
        String log = log();
        assertTrue(log.lines().anyMatch(l -> l.contains(" INFO Rebalanced ") && l.contains(SINK + " (" + chanId(11) + ")")), log);
        assertTrue(errorLines().stream().anyMatch(l -> l.contains(CRASH + ": regolancer exited with 139")),
                errorLines().toString());
        // … and forged nothing
        assertTrue(log.lines().noneMatch(l -> l.startsWith("2099")), log);
        assertTrue(errorLines().stream().noneMatch(l -> l.startsWith("2099")), errorLines().toString());
        for (String text : List.of(log, String.join("\n", errorLines()), telegram.delivered().toString())) {
            assertFalse(text.contains("\u001b") || text.contains("\r") || text.contains("\u202e"), "no ESC, CR or bidi control");
        }

        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(Files.readString(dataDir.resolve("rebalances.csv"), StandardCharsets.UTF_8))).getRecords();
        CSVRecord paid = rows.stream().filter(r -> r.get("source_chan_id").equals(chanId(1))).findFirst().orElseThrow();
        assertEquals("'" + FORMULA, paid.get("source_alias"), "a spreadsheet shows it as text");
        assertEquals(FORMULA, LedgerRow.cell(paid.get("source_alias")), "and it reads back as it was");
        assertEquals(SINK, LedgerRow.cell(rows.stream().filter(r -> r.get("target_chan_id").equals(chanId(11)))
                .findFirst().orElseThrow().get("target_alias")));
    }
}
