package org.regolancer.orchestrator.ledger;

import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The columns of {@code rebalances.csv}, one row per payment, in this order. A cell that starts with {@code =}, {@code +},
 * {@code -}, {@code @}, a tab, a CR or {@code '} is written with one {@code '} in front (OWASP's advice against CSV
 * injection: a spreadsheet then shows text, never a formula such as a peer's alias {@code =HYPERLINK(…)}), and every
 * reader of the ledger takes exactly one leading {@code '} off ({@link #cell}), so each value reads back as it was.
 */
public final class LedgerRow {

    public static final List<String> HEADER = List.of(
            "time_utc", "source_chan_id", "source_alias", "target_chan_id", "target_alias",
            "amount_sat", "fee_msat", "fee_ppm");

    private LedgerRow() {
    }

    /** The header as camel-csv's input: a list of one record. */
    public static List<List<String>> header() {
        return List.of(HEADER);
    }

    /** The payment's row as camel-csv's input: a list of one record. */
    public static List<List<String>> record(Payment payment) {
        return List.of(of(payment));
    }

    public static List<String> of(Payment payment) {
        return List.of(
                written(payment.time().truncatedTo(ChronoUnit.SECONDS).toString()),
                written(payment.source().value()),
                written(payment.sourceAlias()),
                written(payment.target().value()),
                written(payment.targetAlias()),
                written(Long.toString(payment.amountSat().value())),
                written(Long.toString(payment.fee().value())),
                written(Long.toString(payment.feePpm().value())));
    }

    /** An {@code amount_sat} cell read back. */
    public static Sat sats(String written) {
        return Sat.of(Long.parseLong(cell(written)));
    }

    /** A {@code fee_msat} cell read back. */
    public static Msat msat(String written) {
        return Msat.of(Long.parseLong(cell(written)));
    }

    /** A value as its cell holds it: with one {@code '} in front when a spreadsheet could take it for a formula. */
    public static String written(String value) {
        if (value == null || value.isEmpty()) {
            return value == null ? "" : value;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r' || first == '\''
                ? "'" + value : value;
    }

    /** A cell's value as it was before it was written: exactly one leading {@code '} taken off. */
    public static String cell(String written) {
        return written != null && written.startsWith("'") ? written.substring(1) : written;
    }
}
