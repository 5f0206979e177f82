package org.regolancer.orchestrator.books;

import org.regolancer.orchestrator.ledger.Msat;
import org.regolancer.orchestrator.ledger.Sat;

/** The sums of one slice of time for one channel (or, for LNDg's jobs, one peer); mutable, guarded by {@link Books}. */
final class Tally {

    long refills;
    long refillSats;
    long paidMsat;
    long unknownFeeRefills;
    long forwards;
    long forwardSats;
    long earnedMsat;

    /** @param fee null when LNDg does not report it */
    void refill(Sat sats, Msat fee) {
        refills++;
        refillSats += sats.value();
        if (fee == null) {
            unknownFeeRefills++;
        } else {
            paidMsat += fee.value();
        }
    }

    void forward(Sat sats, Msat fee) {
        forwards++;
        forwardSats += sats.value();
        earnedMsat += fee.value();
    }

    void add(Tally other) {
        refills += other.refills;
        refillSats += other.refillSats;
        paidMsat += other.paidMsat;
        unknownFeeRefills += other.unknownFeeRefills;
        forwards += other.forwards;
        forwardSats += other.forwardSats;
        earnedMsat += other.earnedMsat;
    }
}
