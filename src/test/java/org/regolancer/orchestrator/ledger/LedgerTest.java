package org.regolancer.orchestrator.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regolancer.orchestrator.ops.ErrorLog;
import org.regolancer.orchestrator.ops.Secrets;
import org.regolancer.orchestrator.pairing.ChannelId;

class LedgerTest {

    private static final String HEADER = "time_utc,source_chan_id,source_alias,target_chan_id,target_alias,amount_sat,fee_msat,fee_ppm\r\n";

    @TempDir
    Path dir;

    private final InMemoryPending pending = new InMemoryPending();

    private Ledger ledger() {
        return new Ledger(dir.resolve("rebalances.csv"), pending, new ErrorLog(dir.resolve("errors.log"), new Secrets("", "", ""), Clock.systemUTC()));
    }

    private static Payment payment(long second, String sourceAlias) {
        return new Payment(Instant.ofEpochSecond(1_764_055_200L + second), new ChannelId("905399447106748416"), sourceAlias,
                new ChannelId("893182773332606977"), "target", Msat.of(100_000_000),
                Msat.of(12_345));
    }

    private static String row(Payment payment) {
        return Ledger.FORMAT.format(LedgerRow.of(payment).toArray()) + "\r\n";
    }

    private String file() throws IOException {
        return Files.readString(dir.resolve("rebalances.csv"), StandardCharsets.UTF_8);
    }

    @Test
    void aNewLedgerGetsTheHeaderThenOneOwnerOnlyRowPerAppend() throws Exception {
        Ledger ledger = ledger();
        assertTrue(ledger.append(row(payment(0, "a"))));
        assertTrue(ledger.append(row(payment(1, "b, \"quoted\""))));
        assertEquals(HEADER + row(payment(0, "a")) + row(payment(1, "b, \"quoted\"")), file());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("rebalances.csv"))));
    }

    @Test
    void rowsTheDiskRefusesWaitAndGoInFirstOnceItTakesThemAgain() throws Exception {
        Ledger ledger = ledger();
        ledger.append(row(payment(0, "a")));
        // the ledger's place is taken by a folder: every write fails, like a read-only or full disk
        Path file = dir.resolve("rebalances.csv");
        Path aside = dir.resolve("aside.csv");
        Files.move(file, aside);
        Files.createDirectory(file);

        assertFalse(ledger.append(row(payment(1, "b"))));
        assertFalse(ledger.append(row(payment(2, "c"))));
        assertFalse(ledger.retryPending());
        assertEquals(2, ledger.pendingRows());
        assertEquals(row(payment(1, "b")) + row(payment(2, "c")), pending.text, "kept outside the process too");
        List<String> errors = Files.readAllLines(dir.resolve("errors.log"));
        assertEquals(1, errors.size(), "one line for the outage, not one per row or retry: " + errors);
        assertTrue(errors.get(0).contains("rebalances.csv cannot be written") && errors.get(0).contains(": 1 row kept"), errors.get(0));

        Files.delete(file);
        Files.move(aside, file);
        assertTrue(ledger.retryPending());
        assertEquals(HEADER + row(payment(0, "a")) + row(payment(1, "b")) + row(payment(2, "c")), file());
        assertEquals(0, ledger.pendingRows());
        assertEquals("", pending.text);
        assertTrue(Files.readString(dir.resolve("errors.log")).contains("writable again: the 2 rows that waited are in it"));
    }

    @Test
    void aHalfWrittenLastLineIsCutBeforeTheNextRowSoEveryLineIsWhole() throws Exception {
        String whole = HEADER + row(payment(0, "a"));
        Files.writeString(dir.resolve("rebalances.csv"), whole + row(payment(1, "b")).substring(0, 20));
        Ledger ledger = ledger();
        ledger.append(row(payment(1, "b")));
        assertEquals(whole + row(payment(1, "b")), file());
        assertTrue(Files.readString(dir.resolve("errors.log")).contains("half-written last line"));
    }

    @Test
    void recoveryAddsOnlyRowsTheLedgerDoesNotHaveYet() throws Exception {
        Ledger first = ledger();
        first.append(row(payment(0, "a")));
        pending.text = row(payment(1, "b")) + row(payment(0, "a"));
        // a killed daemon: payment 0 was written but its stat file stayed; payment 2 was never taken in
        List<Payment> leftover = List.of(payment(0, ""), payment(2, ""), payment(2, ""));

        assertEquals(2, ledger().recover(leftover));
        assertEquals(HEADER + row(payment(0, "a")) + row(payment(1, "b")) + row(payment(2, "")), file());
        assertEquals("", pending.text);
        assertEquals(0, ledger().recover(leftover), "taken in exactly once");
        assertEquals(HEADER + row(payment(0, "a")) + row(payment(1, "b")) + row(payment(2, "")), file());
    }

    @Test
    void recoveryWithNothingLeftWritesNothing() throws Exception {
        assertEquals(0, ledger().recover(List.of()));
        assertFalse(Files.exists(dir.resolve("rebalances.csv")), "no disk writes without a payment");
    }

    private static final class InMemoryPending implements PendingRows {
        String text = "";

        @Override
        public void keep(String csv) {
            text = csv;
        }

        @Override
        public String load() {
            return text;
        }

        @Override
        public void clear() {
            text = "";
        }
    }
}
