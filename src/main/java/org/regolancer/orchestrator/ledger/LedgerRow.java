package org.regolancer.orchestrator.ledger;

import java.time.temporal.ChronoUnit;
import java.util.List;

/** The columns of {@code rebalances.csv}, one row per payment, in this order. */
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
                payment.time().truncatedTo(ChronoUnit.SECONDS).toString(),
                payment.source().value(),
                payment.sourceAlias(),
                payment.target().value(),
                payment.targetAlias(),
                Long.toString(payment.amountSat()),
                Long.toString(payment.feeMsat()),
                Long.toString(payment.feePpm()));
    }
}
