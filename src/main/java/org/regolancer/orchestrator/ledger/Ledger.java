package org.regolancer.orchestrator.ledger;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.regolancer.orchestrator.ops.ErrorLog;
import org.regolancer.orchestrator.ops.OwnerOnlyAppends;

/**
 * {@code rebalances.csv}: every payment exactly once, and never a half-written line.
 *
 * <p>Rows are appended in one write and synced. A write that fails (disk full, read-only, file-size limit) is cut
 * back to where the file ended, and its rows wait in {@link PendingRows} (in RAM, outliving the process); they go
 * first on the next write and on every {@link #retryPending()} (each cycle), and a restarted daemon writes them
 * through {@link #recover}. Rows that may already be in the file (a daemon killed between writing a row and
 * removing its stat file) are matched on time, channels, amount and fee, and written only if missing.
 */
public class Ledger {

    /** The format camel-csv marshals with (Commons CSV's default): comma, quotes where needed, CRLF. */
    public static final CSVFormat FORMAT = CSVFormat.DEFAULT;
    private static final String HEADER_LINE = FORMAT.format(LedgerRow.HEADER.toArray()) + FORMAT.getRecordSeparator();

    private final Path file;
    private final PendingRows pending;
    private final ErrorLog errors;
    private String waiting = "";

    public Ledger(Path file, PendingRows pending, ErrorLog errors) {
        this.file = file;
        this.pending = pending;
        this.errors = errors;
    }

    /** Appends whole CSV rows (as camel-csv marshals them), after any rows still waiting; never throws. */
    public synchronized boolean append(String rows) {
        if (rows == null || rows.isEmpty()) {
            return true;
        }
        return write(waiting + (rows.endsWith("\n") ? rows : rows + FORMAT.getRecordSeparator()));
    }

    /** Writes rows that could not be written before, if any. */
    public synchronized boolean retryPending() {
        return waiting.isEmpty() || write(waiting);
    }

    /** How many rows are waiting for the file to be writable. */
    public synchronized int pendingRows() {
        return waiting.isEmpty() ? 0 : rows(waiting).size();
    }

    /**
     * At start: the rows a stopped or killed daemon left behind (kept rows, and payments of runs whose stat files
     * were never taken in) go into the file, each only if the file does not have it yet.
     *
     * @return how many rows were added (or are now waiting, if the file cannot be written)
     */
    public synchronized int recover(List<Payment> leftoverPayments) throws IOException {
        List<List<String>> candidates = new ArrayList<>(rows(pending.load()));
        leftoverPayments.forEach(p -> candidates.add(LedgerRow.of(p)));
        if (candidates.isEmpty()) {
            return 0;
        }
        Set<String> known = new HashSet<>();
        if (Files.exists(file)) {
            for (List<String> row : rows(Files.readString(file, StandardCharsets.UTF_8))) {
                known.add(key(row));
            }
        }
        Map<String, List<String>> missing = new LinkedHashMap<>();
        for (List<String> row : candidates) {
            if (!known.contains(key(row))) {
                missing.putIfAbsent(key(row), row);
            }
        }
        StringBuilder text = new StringBuilder();
        for (List<String> row : missing.values()) {
            text.append(FORMAT.format(row.toArray())).append(FORMAT.getRecordSeparator());
        }
        if (text.isEmpty() || write(text.toString())) {
            pending.clear();
        }
        return missing.size();
    }

    /** A payment whose row could not even be made (a bug, not the disk): its values go to errors.log. */
    public void unwritten(Payment payment, Throwable error) {
        errors.report(ErrorLog.Kind.LEDGER, "payment not recorded (" + ErrorLog.describe(error) + "): "
                + (payment == null ? "unknown" : String.join(",", LedgerRow.of(payment))));
    }

    private boolean write(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        long before = -1;
        try (FileChannel out = OwnerOnlyAppends.open(file)) {
            before = out.size();
            before = cutPartialLine(out, before);
            ByteBuffer buffer = ByteBuffer.wrap(before == 0 ? (HEADER_LINE + text).getBytes(StandardCharsets.UTF_8) : bytes);
            while (buffer.hasRemaining()) {
                out.write(buffer);
            }
            out.force(false);
        } catch (IOException | UncheckedIOException e) {
            OwnerOnlyAppends.cutBack(file, before);
            hold(text, e);
            return false;
        }
        if (!waiting.isEmpty()) {
            int count = rows(waiting).size();
            waiting = "";
            try {
                pending.clear();
            } catch (IOException e) {
                errors.report(ErrorLog.Kind.LEDGER, "cannot remove the kept rows (they are in rebalances.csv now)", e);
            }
            errors.cleared(ErrorLog.Kind.LEDGER);
            errors.report(ErrorLog.Kind.LEDGER, "rebalances.csv is writable again: the " + count + " rows that waited are in it");
        }
        return true;
    }

    /** A line left half-written by an earlier failure that could not be cut back is removed before appending. */
    private long cutPartialLine(FileChannel out, long size) throws IOException {
        long end = size;
        ByteBuffer one = ByteBuffer.allocate(1);
        while (end > 0) {
            one.clear();
            out.read(one, end - 1);
            if (one.get(0) == '\n') {
                break;
            }
            end--;
        }
        if (end < size) {
            out.truncate(end);
            errors.report(ErrorLog.Kind.LEDGER, "removed a half-written last line from rebalances.csv (" + (size - end)
                    + " bytes; its row is written again whole)");
        }
        out.position(end);
        return end;
    }

    private void hold(String text, Exception cause) {
        waiting = text;
        String where;
        try {
            pending.keep(text);
            where = "kept in RAM until it is writable (also across a restart)";
        } catch (IOException e) {
            where = "held in memory only (" + ErrorLog.describe(e) + ")";
        }
        String problem = "rebalances.csv cannot be written (" + ErrorLog.describe(cause) + ")";
        int count = rows(text).size();
        errors.report(ErrorLog.Kind.LEDGER, problem, problem + ": " + count + (count == 1 ? " row " : " rows ") + where);
    }

    private static List<List<String>> rows(String csv) {
        List<List<String>> rows = new ArrayList<>();
        try {
            for (CSVRecord record : FORMAT.parse(new StringReader(csv))) {
                List<String> row = record.toList();
                if (!row.equals(LedgerRow.HEADER) && row.size() == LedgerRow.HEADER.size()) {
                    rows.add(row);
                }
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            // a damaged tail: the whole rows before it count
        }
        return rows;
    }

    /** What makes a payment unique: time (s), both channels, amount (sat) and fee (msat). */
    private static String key(List<String> row) {
        return row.get(0) + "|" + row.get(1) + "|" + row.get(3) + "|" + row.get(5) + "|" + row.get(6);
    }
}
